import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { clampTarget, keyMove, type Carried, type Target } from './schedule-grid.js';

// Carrying a session to a room and time, by pointer or by keyboard. The pointer drags from a
// few pixels of movement on (a press alone is a click); the keyboard picks up with Enter or
// Space, moves with the arrows, drops with Enter and puts back with Escape.

export interface Carry {
  carried: Carried;
  target: Target | null;
  by: 'pointer' | 'keyboard';
}

/** Where the grid's rooms are on screen, to turn a pointer position into a target. */
export interface GridGeometry {
  targetAt(x: number, y: number): Target | null;
  /** Rows between the top of an element on the grid and a point in it. */
  rowsAbove(element: Element, y: number): number;
}

const DRAG_THRESHOLD_PX = 4;

export function useCarry(opts: {
  rooms: number;
  rows: number;
  lengthRows: (c: Carried) => number;
  geometry: () => GridGeometry | null;
  onMove: (carry: Carry) => void;
  onDrop: (carry: Carry & { target: Target }) => void;
  onCancel: (carry: Carry) => void;
}) {
  const [carry, setCarry] = useState<Carry | null>(null);
  // The handlers of window listeners read the latest options and state through refs.
  const latest = useRef(opts);
  latest.current = opts;
  const current = useRef<Carry | null>(null);
  const update = (c: Carry | null) => {
    current.current = c;
    setCarry(c);
  };
  const clamp = (c: Carried, t: Target) =>
    clampTarget(t, latest.current.rooms, latest.current.rows, latest.current.lengthRows(c));

  function pointerDown(e: PointerEvent<HTMLElement>, carried: Carried, onGrid: boolean) {
    if (e.button !== 0 || current.current?.by === 'keyboard') return;
    const startX = e.clientX;
    const startY = e.clientY;
    const grabbed = onGrid
      ? (latest.current.geometry()?.rowsAbove(e.currentTarget, startY) ?? 0)
      : 0;
    let dragging = false;
    const targetFor = (ev: globalThis.PointerEvent) => {
      const at = latest.current.geometry()?.targetAt(ev.clientX, ev.clientY) ?? null;
      return at ? clamp(carried, { roomIndex: at.roomIndex, row: at.row - grabbed }) : null;
    };
    const move = (ev: globalThis.PointerEvent) => {
      if (!dragging && Math.hypot(ev.clientX - startX, ev.clientY - startY) < DRAG_THRESHOLD_PX)
        return;
      dragging = true;
      ev.preventDefault();
      const next: Carry = { carried, target: targetFor(ev), by: 'pointer' };
      const before = current.current?.target;
      update(next);
      if (next.target?.row !== before?.row || next.target?.roomIndex !== before?.roomIndex)
        latest.current.onMove(next);
    };
    const up = (ev: globalThis.PointerEvent) => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', up);
      if (!dragging) return;
      const target = ev.type === 'pointerup' ? targetFor(ev) : null;
      const done: Carry = { carried, target, by: 'pointer' };
      update(null);
      if (target) latest.current.onDrop({ ...done, target });
      else latest.current.onCancel(done);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', up);
  }

  /** `from`: where a picked-up session starts (its slot's place, or the grid's first room). */
  function keyDown(e: KeyboardEvent<HTMLElement>, carried: Carried, from: Target) {
    const c = current.current;
    const mine = c?.by === 'keyboard' && sameCarried(c.carried, carried);
    if (!mine) {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      const picked: Carry = { carried, target: clamp(carried, from), by: 'keyboard' };
      update(picked);
      latest.current.onMove(picked);
      return;
    }
    if (e.key === 'Escape') {
      e.preventDefault();
      update(null);
      latest.current.onCancel(c);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      update(null);
      if (c.target) latest.current.onDrop({ ...c, target: c.target });
    } else if (c.target) {
      const next = keyMove(e.key, c.target);
      if (!next) return;
      e.preventDefault();
      const moved: Carry = { ...c, target: clamp(carried, next) };
      update(moved);
      latest.current.onMove(moved);
    }
  }

  /** Leaving the carried session (focus moving away) puts it back. */
  function blur(carried: Carried) {
    const c = current.current;
    if (c?.by !== 'keyboard' || !sameCarried(c.carried, carried)) return;
    update(null);
    latest.current.onCancel(c);
  }

  return { carry, pointerDown, keyDown, blur };
}

export const sameCarried = (a: Carried, b: Carried) =>
  a.slot?.id === b.slot?.id && a.sessionId === b.sessionId;
