import { useState } from 'react';
import {
  FormArea,
  FormCheck,
  FormSelect,
  FormText,
  ItemForm,
  TicketTypeChoices,
  useSettingsForm,
} from './settings-form.js';
import type { Question } from './settings-types.js';

const LABELS = {
  label: 'Question',
  kind: 'Kind of answer',
  options: 'Options',
  required: 'Attendees must answer',
  ticketTypeIds: 'Asked for',
};

const KINDS: [Question['kind'], string][] = [
  ['text', 'Text'],
  ['choice', 'One of a list'],
  ['checkbox', 'A checkbox (yes or no)'],
];

/** Adds a question asked at registration, or changes `question` when given. */
export function QuestionForm(p: {
  base: string;
  types: { id: string; name: string }[];
  question?: Question;
  onSaved: () => void;
}) {
  const q = p.question;
  const form = useSettingsForm(q ? `question-${q.id}` : 'question-new', LABELS);
  const [kind, setKind] = useState(q?.kind ?? 'text');
  return (
    <ItemForm
      form={form}
      list={`${p.base}/questions`}
      item={q && { id: q.id, name: q.label }}
      noun="question"
      body={(v) => {
        const types = v.all('ticketTypeIds');
        return {
          label: v.text('label'),
          kind,
          required: v.checked('required'),
          options:
            kind === 'choice'
              ? v
                  .text('options')
                  .split('\n')
                  .map((o) => o.trim())
                  .filter(Boolean)
              : [],
          ticketTypeIds: types.length ? types : null,
        };
      }}
      onSaved={p.onSaved}
      onEmptied={() => setKind('text')}
    >
      <FormText form={form} name="label" required defaultValue={q?.label} />
      <FormSelect
        form={form}
        name="kind"
        options={KINDS}
        value={kind}
        onChange={(k) => setKind(k as Question['kind'])}
      />
      {kind === 'choice' ? (
        <FormArea
          form={form}
          name="options"
          hint="One option per line."
          defaultValue={q?.options.join('\n')}
        />
      ) : null}
      <FormCheck form={form} name="required" defaultChecked={q?.required} />
      {p.types.length ? (
        <TicketTypeChoices
          form={form}
          types={p.types}
          chosen={q?.ticketTypeIds ?? null}
          hint="None chosen: asked for every ticket type."
        />
      ) : null}
    </ItemForm>
  );
}
