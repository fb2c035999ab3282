/**
 * IRO allocation history: each child's spells (who, from, to). A new allocation closes the current spell on the
 * day it starts, so the history never overlaps and never has gaps the IRO manager did not leave.
 */
import type { IsoDate } from '../ssda903/records.ts';
import { accept, refuse, type Outcome } from './outcome.ts';
import type { Allocation, AllocationCommand, Iro } from './records.ts';

export function isAllocatedOn(a: Allocation, date: IsoDate): boolean {
  return a.from <= date && (a.to === null || a.to > date);
}

export function isIroActiveOn(iro: Iro, date: IsoDate): boolean {
  return iro.activeFrom <= date && (iro.activeTo === null || iro.activeTo >= date);
}

/** Allocations grouped by child, each child's in date order. */
export function allocationsByChild(allocations: readonly Allocation[]): Map<string, Allocation[]> {
  const out = new Map<string, Allocation[]>();
  for (const a of allocations) {
    let list = out.get(a.child);
    if (!list) out.set(a.child, (list = []));
    list.push(a);
  }
  for (const list of out.values()) list.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return out;
}

export function iroOn(childAllocations: readonly Allocation[] | undefined, date: IsoDate): string | null {
  return childAllocations?.find((a) => isAllocatedOn(a, date))?.iro ?? null;
}

/**
 * Allocates `iro` to the child from `from`: the spells to store (the current one closed, the new one open).
 * Refused when the IRO is not on the roster or not active that day, when it is already the child's IRO, or when
 * the date is not after the child's latest spell began.
 */
export function allocateIro(
  childAllocations: readonly Allocation[], roster: readonly Iro[], command: AllocationCommand,
): Outcome<Allocation[]> {
  const iro = roster.find((i) => i.id === command.iro);
  if (!iro) return refuse('unknown_iro', 'iro', `IRO ${command.iro} is not on the LA's roster`);
  if (!isIroActiveOn(iro, command.from)) return refuse('iro_not_active', 'iro', `the IRO is not active on ${command.from}`);
  const latest = [...childAllocations].sort((a, b) => (a.from < b.from ? -1 : 1)).pop();
  if (latest && command.from <= latest.from) {
    return refuse('date_before_previous', 'from', `the child's latest allocation began on ${latest.from}: a new one must start later`);
  }
  if (latest && latest.iro === command.iro && (latest.to === null || latest.to >= command.from)) {
    return refuse('already_allocated', 'iro', 'this IRO is already allocated to the child');
  }
  const opened: Allocation = { id: command.id, child: command.child, iro: command.iro, from: command.from, to: null };
  if (!latest || (latest.to !== null && latest.to <= command.from)) return accept([opened]);
  return accept([{ ...latest, to: command.from }, opened]);
}
