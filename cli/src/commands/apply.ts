import { Flags } from '@oclif/core';
import { LanyardCommand } from '../base-command.js';
import { executePlan } from '../apply/execute-plan.js';
import { findEvent, loadCurrent } from '../apply/load-current.js';
import { readEventFile } from '../apply/parse-file.js';
import { loadImages, planImages, readImages } from '../apply/images.js';
import { countChanges, planChanges } from '../apply/plan.js';
import { renderPlan } from '../apply/render-plan.js';
import { desiredState } from '../apply/state.js';
import { CliError } from '../errors.js';

export default class Apply extends LanyardCommand {
  static override description = `Make an event on the server match a file: the event, ticket types, shared quotas, questions, promo codes, check-in lists, program, images and mail texts.
Prints the plan as a diff (+ create, ~ update, - delete), then applies it; applying the same file again changes nothing.
The file names its event by "id" when given, else by the event's name. Deleting (archiving) anything with sales or uses needs --force.`;

  static override examples = [
    '<%= config.bin %> apply -f event.yaml --dry-run',
    '<%= config.bin %> apply -f event.yaml',
    '<%= config.bin %> apply -f event.json --json',
  ];

  static override flags = {
    file: Flags.file({ char: 'f', description: 'event file (YAML or JSON)', required: true }),
    'dry-run': Flags.boolean({ description: 'print the plan and change nothing' }),
    force: Flags.boolean({ description: 'also delete things that have sales or uses' }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(Apply);
    const file = await readEventFile(flags.file);
    const desired = desiredState(file);
    const images = await readImages(flags.file, file.images);
    const client = await this.client(flags);
    const event = await findEvent(client, desired.id, desired.event.name);
    const current = event && (await loadCurrent(client, event));
    const plan = planChanges(desired, current);
    plan.changes.push(...planImages(images, event && (await loadImages(client, event.id))));
    const blocked = plan.changes.filter((c) => c.action === 'delete' && c.inUse);
    if (blocked.length > 0 && !flags.force) {
      const b = blocked[0]!;
      throw new CliError(
        'delete_in_use',
        `the file drops ${b.kind} "${b.name}", which has ${b.inUse}${blocked.length > 1 ? ` (and ${blocked.length - 1} more in use)` : ''}; put it back in the file or pass --force`,
        4,
        { blocked: blocked.map((c) => ({ kind: c.kind, name: c.name, inUse: c.inUse })) },
      );
    }
    if (!flags.json) for (const line of renderPlan(plan)) this.log(line);
    const eventId = flags['dry-run'] ? plan.eventId : await executePlan(client, plan, current);
    const counts = countChanges(plan);
    this.print(
      flags.json,
      {
        eventId: eventId ?? null,
        ...counts,
        dryRun: flags['dry-run'] === true,
        changes: plan.changes
          .filter((c) => c.action !== 'unchanged')
          .map((c) => ({ action: c.action, kind: c.kind, name: c.name, diffs: c.diffs })),
      },
      () =>
        flags['dry-run']
          ? `Dry run: would create ${counts.created}, update ${counts.updated}, delete ${counts.deleted}.`
          : `Event ${eventId}: created ${counts.created}, updated ${counts.updated}, deleted ${counts.deleted}, unchanged ${counts.unchanged}.`,
    );
  }
}
