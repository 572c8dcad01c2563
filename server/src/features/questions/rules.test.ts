import { questionShapeIssues } from './rules.js';

describe('questionShapeIssues', () => {
  it('accepts a choice question with distinct options', () => {
    expect(questionShapeIssues({ kind: 'choice', options: ['S', 'M', 'L'] })).toEqual([]);
  });

  it('asks a choice question for at least one option', () => {
    expect(questionShapeIssues({ kind: 'choice', options: [] })).toEqual([
      { field: 'options', message: 'a choice question needs at least one option' },
    ]);
  });

  it('names every repeated option, ignoring case', () => {
    expect(
      questionShapeIssues({ kind: 'choice', options: ['Vegan', 'Meat', 'vegan', 'Meat'] }),
    ).toEqual([
      { field: 'options.2', message: 'repeats "vegan"' },
      { field: 'options.3', message: 'repeats "Meat"' },
    ]);
  });

  it('refuses options on text and checkbox questions, and accepts them without', () => {
    expect(questionShapeIssues({ kind: 'text', options: ['a'] })).toEqual([
      { field: 'options', message: 'a text question takes no options' },
    ]);
    expect(questionShapeIssues({ kind: 'checkbox', options: ['a'] })).toHaveLength(1);
    expect(questionShapeIssues({ kind: 'text', options: [] })).toEqual([]);
    expect(questionShapeIssues({ kind: 'checkbox', options: [] })).toEqual([]);
  });
});
