import { Flags } from '@oclif/core';
import { LanyardCommand } from '../../base-command.js';
import type { PromoCode } from '../../client/types.js';

export default class AccessCodesList extends LanyardCommand {
  static override description =
    'List an event’s live promo and access codes with their uses and reserved seats.';

  static override examples = ['<%= config.bin %> access-codes list --event EVENT_ID'];

  static override flags = { event: Flags.string({ description: 'event id', required: true }) };

  async run(): Promise<void> {
    const { flags } = await this.parse(AccessCodesList);
    const codes = await (await this.client(flags)).promoCodes.list(flags.event);
    this.print(flags.json, codes, () =>
      codes.length === 0
        ? 'No codes yet: lanyard access-codes generate --event ID --count N'
        : codes.map(line),
    );
  }
}

function line(c: PromoCode): string {
  const discount =
    c.discountValue === null
      ? 'no discount'
      : c.discountKind === 'percent'
        ? `${c.discountValue}% off`
        : `${c.discountValue} cents off`;
  const uses = `used ${c.uses}${c.maxUses === null ? '' : ` of ${c.maxUses}`}`;
  const reserve = c.reservedSeats
    ? `, ${c.reserveLeft} of ${c.reservedSeats} reserved seats left`
    : '';
  return `${c.code}  ${discount}, ${uses}${reserve}`;
}
