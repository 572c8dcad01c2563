import { randomUUID } from 'node:crypto';
import { chooseList, defaultList, toCoreList, type StoredList } from './list-choice.js';

const eventId = randomUUID();
const list = (name: string, over: Partial<StoredList> = {}): StoredList => ({
  ...defaultList(eventId),
  id: randomUUID(),
  name,
  isDefault: false,
  ...over,
});

describe('choosing the list a scan counts on', () => {
  it('uses the default list, named by the event id, while the event has no list', () => {
    expect(chooseList(eventId, [], {})).toEqual({ list: defaultList(eventId) });
    expect(chooseList(eventId, [], { listId: eventId })).toEqual({ list: defaultList(eventId) });
    const deleted = list('Old', { deletedAt: new Date() });
    expect(chooseList(eventId, [deleted], { gate: 'north' })).toEqual({
      list: defaultList(eventId),
    });
  });

  it('uses the list a scan names, and refuses one the event does not have', () => {
    const a = list('Main');
    const b = list('VIP');
    expect(chooseList(eventId, [a, b], { listId: b.id })).toEqual({ list: b });
    const stranger = randomUUID();
    expect(chooseList(eventId, [a, b], { listId: stranger })).toEqual({ unknownListId: stranger });
    expect(chooseList(eventId, [a], { listId: eventId })).toEqual({ unknownListId: eventId });
  });

  it('accepts a deleted list only for late uploads', () => {
    const gone = list('Day 1', { deletedAt: new Date() });
    expect(chooseList(eventId, [gone], { listId: gone.id })).toEqual({ unknownListId: gone.id });
    expect(chooseList(eventId, [gone], { listId: gone.id }, true)).toEqual({ list: gone });
  });

  it('picks the list serving the scan’s gate, else the first by name', () => {
    const main = list('Main entrance', { gates: ['north', 'south'] });
    const backstage = list('Backstage', { gates: ['stage door'] });
    expect(chooseList(eventId, [main, backstage], { gate: 'south' })).toEqual({ list: main });
    expect(chooseList(eventId, [main, backstage], { gate: 'west' })).toEqual({ list: backstage });
    expect(chooseList(eventId, [main, backstage], {})).toEqual({ list: backstage });
  });
});

describe('the rule’s view of a list', () => {
  it('admits every type when no types are listed, and carries the window', () => {
    const opensAt = new Date('2030-01-01T08:00:00Z');
    expect(toCoreList(list('Main', { opensAt }))).toMatchObject({ ticketTypeIds: 'all', opensAt });
    expect(toCoreList(list('Main'))).not.toHaveProperty('closesAt');
  });
});
