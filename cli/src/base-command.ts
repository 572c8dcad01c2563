import { Command, Flags } from '@oclif/core';
import { LanyardClient } from './client/lanyard-client.js';
import { resolveConnection } from './config/connection.js';
import { CliError } from './errors.js';

/**
 * What every command shares: --json, and errors as one line on stderr, `error [code]: message`
 * (plus `{"error": {code, message}}` on stdout with --json), never oclif's own error form.
 */
export abstract class PlainCommand extends Command {
  static override baseFlags = {
    json: Flags.boolean({ description: 'print machine-readable JSON on stdout' }),
  };

  /** Prints `data` as JSON with --json, else the human lines. */
  protected print(json: boolean, data: unknown, human: () => string | string[]): void {
    if (json) {
      this.log(JSON.stringify(data));
      return;
    }
    const out = human();
    for (const line of Array.isArray(out) ? out : [out]) this.log(line);
  }

  protected override async catch(err: Error & { code?: string; oclif?: { exit?: number } }) {
    // oclif's own exits (help, --version, this.exit) pass through untouched.
    if (err.code === 'EEXIT' && !(err instanceof CliError)) throw err;
    const json = this.argv.includes('--json');
    const cli =
      err instanceof CliError
        ? err
        : err.oclif?.exit === 2 || /flag|argument/i.test(err.name)
          ? new CliError('usage', usageLine(err.message), 2)
          : new CliError('internal', err.message, 1);
    if (json) {
      const details = cli.details === undefined ? {} : { details: cli.details };
      this.log(JSON.stringify({ error: { code: cli.code, message: cli.message, ...details } }));
    }
    this.logToStderr(`error [${cli.code}]: ${cli.message}`);
    this.exit(cli.exit);
  }
}

/** A command that talks to a server: --server, --profile and one client besides. */
export abstract class LanyardCommand extends PlainCommand {
  static override baseFlags = {
    ...PlainCommand.baseFlags,
    server: Flags.string({
      description: 'server URL (beats LANYARD_SERVER and the profile)',
      helpGroup: 'CONNECTION',
    }),
    profile: Flags.string({
      description: 'login profile to use (default: the current one, or LANYARD_PROFILE)',
      helpGroup: 'CONNECTION',
    }),
  };

  protected async client(flags: { server?: string; profile?: string }): Promise<LanyardClient> {
    return new LanyardClient(await resolveConnection(flags));
  }
}

/** oclif's parse errors open with a header line ("The following error occurred:"); keep the cause. */
function usageLine(message: string): string {
  const lines = message
    .split('\n')
    .map((l) => l.trim())
    .filter(
      (l) => l && !/^The following errors? occurred:$/.test(l) && !/^See more help with/.test(l),
    );
  return lines.join(' ').replace(/\s+/g, ' ') || message;
}
