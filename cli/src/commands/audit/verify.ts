import { LanyardCommand } from '../../base-command.js';
import { CliError } from '../../errors.js';

interface Problem {
  seq: number;
  kind: string;
  message: string;
}
interface VerifyReport {
  ok: boolean;
  entries: number;
  head: { seq: number; hash: string };
  checkpoints: number;
  firstBad: Problem | null;
  problems: Problem[];
}

export default class AuditVerify extends LanyardCommand {
  static override description =
    "Check the audit log's hash chain: gaps, broken links, edited entries and checkpoint signatures. Exits 0 when intact, 3 naming the first bad entry otherwise (admin token).";

  static override examples = [
    '<%= config.bin %> audit verify',
    '<%= config.bin %> audit verify --json',
  ];

  async run(): Promise<void> {
    const { flags } = await this.parse(AuditVerify);
    const report = await (
      await this.client(flags)
    ).http.json<VerifyReport>('GET', '/api/v1/audit/verify');
    if (report.ok) {
      this.print(flags.json, report, () => [
        `intact: ${report.entries} entries, head ${report.head.seq} ${report.head.hash.slice(0, 16)}…, ${report.checkpoints} signed checkpoints`,
      ]);
      return;
    }
    const first = report.firstBad!;
    if (!flags.json)
      for (const p of report.problems) this.logToStderr(`entry ${p.seq}: ${p.message}`);
    throw new CliError(
      'audit_chain_broken',
      `first bad entry ${first.seq} (${first.kind}): ${first.message}`,
      3,
      report,
    );
  }
}
