interface Placed {
  id: string;
  position: number;
}

/**
 * The positions to write so question `id` moves one place up (-1) or down (+1): every question
 * gets its index in the new order, written only where it differs. Archiving leaves gaps and
 * ties in the stored positions, so swapping two numbers alone would not always move anything.
 */
export function moveQuestion(questions: Placed[], id: string, step: -1 | 1): Placed[] {
  const order = questions.map((q) => q.id);
  const from = order.indexOf(id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= order.length) return [];
  [order[from], order[to]] = [order[to]!, order[from]!];
  const position = new Map(questions.map((q) => [q.id, q.position]));
  return order.flatMap((qid, index) =>
    position.get(qid) === index ? [] : [{ id: qid, position: index }],
  );
}
