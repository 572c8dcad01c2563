import { Args, Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import { parseMap } from '../../import/columns.js';
import { progressLine } from '../../import/progress-line.js';
import { runImport } from '../../import/run-import.js';

export default class ImportAttendees extends LanyardCommand {
  static override description = `Import attendees from a CSV file as comp tickets.
Columns: name, email, ticket_type (a ticket type's name); other columns answer the event's questions by their label.
The file is streamed in batches; a row already imported (same email and ticket type) is skipped, so re-running imports nothing twice.
Exit status 0 only when every row was imported or skipped; rows with errors are listed by line.`;

  static override examples = [
    '<%= config.bin %> import attendees guests.csv --event 0b7c6f8e-3a0e-4c53-9a57-2f1c1d7e9a01',
    '<%= config.bin %> import attendees export.csv --event EVENT_ID --map email="E-Mail" --map name="Full name" --map ticket_type=Ticket',
    '<%= config.bin %> import attendees guests.csv --event EVENT_ID --dry-run --json',
  ];

  static override args = {
    file: Args.file({ description: 'CSV file', required: true, exists: true }),
  };

  static override flags = {
    event: Flags.string({ description: 'event id', required: true }),
    map: Flags.string({
      description: 'FIELD=COLUMN: read name, email or ticket_type from another column (repeatable)',
      multiple: true,
      default: [],
    }),
    delimiter: Flags.string({
      description: 'field delimiter (default: detected from the header among , ; and tab)',
    }),
    'dry-run': Flags.boolean({ description: 'check every row on the server and import nothing' }),
    invite: Flags.boolean({ description: 'send each new attendee an invitation' }),
    'batch-size': Flags.integer({
      description: 'rows per request',
      default: 1000,
      min: 1,
      max: 1000,
    }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(ImportAttendees);
    const client = await this.client(flags);
    const bar = !flags.json && process.stderr.isTTY ? progressLine(process.stderr) : undefined;
    const started = Date.now();
    const delimiter = flags.delimiter === '\\t' ? '\t' : flags.delimiter;
    const report = await runImport(client, {
      file: args.file,
      eventId: flags.event,
      map: parseMap(flags.map),
      delimiter,
      dryRun: flags['dry-run'] === true,
      invite: flags.invite === true,
      batchSize: flags['batch-size'],
      concurrency: 4,
      onProgress: (p) =>
        bar?.update(
          `${p.rows} rows: ${p.imported} imported, ${p.skipped} skipped, ${p.errors} errors (${Math.round(p.rows / ((Date.now() - started) / 1000))} rows/s)`,
        ),
    });
    bar?.done();
    const { imported, skipped, errors } = report;
    this.print(
      flags.json,
      { imported, skipped, errors, dryRun: report.dryRun, ignoredColumns: report.ignoredColumns },
      () => [
        ...errors.map((e) => `line ${e.line}: ${e.message}`),
        ...(report.ignoredColumns.length
          ? [`ignored columns: ${report.ignoredColumns.join(', ')}`]
          : []),
        `${report.dryRun ? 'Dry run: would import' : 'Imported'} ${imported}, skipped ${skipped} already there, ${errors.length} rows with errors.`,
      ],
    );
    if (errors.length > 0) {
      // The report above is the whole answer (also with --json); the status tells scripts.
      this.logToStderr(
        `error [rows_refused]: ${errors.length} rows were not imported (first: line ${errors[0]!.line}: ${errors[0]!.message}); fix them and run again`,
      );
      this.exit(1);
    }
  }
}
