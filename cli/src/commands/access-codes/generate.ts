import { Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import { CliError } from '../../errors.js';

export default class AccessCodesGenerate extends LanyardCommand {
  static override description = `Generate many access codes at once: PREFIX + 8 random letters and digits, all on the same terms.
Each can be used once unless --max-uses says otherwise. Codes that name a hidden ticket type unlock it; a discount is optional. Prints the codes, one a line (with --json, the created codes). Generated codes are not part of the event file: \`lanyard apply\` leaves them alone.`;

  static override examples = [
    '<%= config.bin %> access-codes generate --event EVENT_ID --count 40 --prefix SPK- --ticket-type Speaker',
    '<%= config.bin %> access-codes generate --event EVENT_ID --count 200 --percent-off 50 --valid-until 2027-04-01T00:00:00Z > codes.txt',
  ];

  static override flags = {
    event: Flags.string({ description: 'event id', required: true }),
    count: Flags.integer({ description: 'how many codes (1-10000)', required: true, min: 1 }),
    prefix: Flags.string({ description: 'text every code starts with', default: '' }),
    'ticket-type': Flags.string({
      description:
        'ticket type name or id the codes are valid for (repeat for several); default all',
      multiple: true,
    }),
    'max-uses': Flags.integer({ description: 'orders each code may be used for', default: 1 }),
    'percent-off': Flags.integer({
      description: 'discount in percent (1-100)',
      exclusive: ['amount-off'],
    }),
    'amount-off': Flags.integer({ description: 'discount in cents off each ticket' }),
    'valid-from': Flags.string({ description: 'ISO 8601 date-time the codes start to work' }),
    'valid-until': Flags.string({ description: 'ISO 8601 date-time the codes stop working' }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(AccessCodesGenerate);
    const client = await this.client(flags);
    let ticketTypeIds: string[] | null = null;
    if (flags['ticket-type']?.length) {
      const types = await client.ticketTypes.list(flags.event);
      ticketTypeIds = flags['ticket-type'].map((ref) => {
        const t = types.find(
          (x) =>
            x.status === 'active' && (x.id === ref || x.name.toLowerCase() === ref.toLowerCase()),
        );
        if (!t) throw new CliError('usage', `no ticket type "${ref}" in this event`, 2);
        return t.id;
      });
    }
    const discount =
      flags['percent-off'] !== undefined
        ? { discountKind: 'percent', discountValue: flags['percent-off'] }
        : flags['amount-off'] !== undefined
          ? { discountKind: 'fixed', discountValue: flags['amount-off'] }
          : {};
    const codes = await client.generateAccessCodes(flags.event, {
      count: flags.count,
      prefix: flags.prefix,
      maxUses: flags['max-uses'],
      ticketTypeIds,
      validFrom: flags['valid-from'] ?? null,
      validUntil: flags['valid-until'] ?? null,
      ...discount,
    });
    this.print(flags.json, codes, () => codes.map((c) => c.code));
  }
}
