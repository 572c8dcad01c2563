import { Args, Flags } from '@oclif/core';
import { LanyardCommand } from '../base-command.js';
import { renderReport } from '../output/report-table.js';

const KINDS = [
  'sales',
  'orders-by-status',
  'refunds',
  'promo-codes',
  'answers',
  'waitlist',
  'no-shows',
] as const;

export default class Reports extends LanyardCommand {
  static override description =
    'Print a report of an event: sales (tickets and revenue over time by ticket type and channel), orders-by-status, refunds, promo-codes, answers, waitlist or no-shows. Time buckets are in the event’s time zone. A table by default; --format csv or json for machines (--json is the JSON report).';

  static override examples = [
    '<%= config.bin %> reports sales --event EVENT_ID --bucket week',
    '<%= config.bin %> reports answers --event EVENT_ID --format csv > answers.csv',
    '<%= config.bin %> reports no-shows --event EVENT_ID --json',
  ];

  static override args = {
    kind: Args.string({ description: 'which report', required: true, options: [...KINDS] }),
  };

  static override flags = {
    event: Flags.string({ description: 'event id', required: true }),
    format: Flags.option({ options: ['table', 'csv', 'json'] as const, default: 'table' })(),
    bucket: Flags.option({
      description: 'time bucket of sales and refunds',
      options: ['hour', 'day', 'week'] as const,
      default: 'day',
    })(),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Reports);
    const client = await this.client(flags);
    const format = flags.json ? 'json' : flags.format;
    if (format === 'csv') {
      process.stdout.write(await client.reportCsv(flags.event, args.kind, flags.bucket));
      return;
    }
    const report = await client.report(flags.event, args.kind, flags.bucket);
    if (format === 'json') return this.log(JSON.stringify(report));
    for (const line of renderReport(report)) this.log(line);
  }
}
