import { randomBytes } from 'node:crypto';
import type { FC } from 'hono/jsx';
import { holds, type Capability } from '../../../../shared/platform/auth/capabilities.ts';
import type { Principal } from '../../../../shared/platform/auth/principal.ts';
import { sentence } from '../forms.tsx';

/** What the IRO manager's practice pages share besides the form kit: new ids, labels, child links, the roster pages' sub-navigation. */

/** A new record id: random, so two managers adding at once never collide; the JSON API lets callers choose theirs. */
export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(8).toString('hex')}`;
}

/** `care_plan_not_implemented` → "Care plan not implemented". */
export function label(code: string): string {
  return sentence(code.replaceAll('_', ' '));
}

export const ChildLink: FC<{ child: string }> = ({ child }) => <a class="govuk-link" href={`/app/children/${encodeURIComponent(child)}`}>{child}</a>;

/** What the navigation and the forms shown depend on: who is signed in and where. */
type Viewer = { var: { principal: Principal }; req: { path: string } };

/** The roster, allocations, sibling groups and audit pages: one entry in the service navigation, this row beneath it. */
const PRACTICE_SECTIONS: [string, string, Capability][] = [
  ['Roster', '/app/roster', 'roster.read'],
  ['Allocations', '/app/allocations', 'practice.read'],
  ['Sibling groups', '/app/siblings', 'practice.read'],
  ['Audit trail', '/app/audit', 'audit.read'],
];

export const SubNavigation: FC<{ c: Viewer }> = ({ c }) => (
  <nav class="app-subnav app-no-print" aria-label="Roster and practice">
    <ul class="app-subnav__list">
      {PRACTICE_SECTIONS.filter(([, , capability]) => holds(c.var.principal, capability)).map(([text, href]) => {
        const here = c.req.path === href || c.req.path.startsWith(`${href}/`);
        return <li class="app-subnav__item"><a class="govuk-link govuk-link--no-visited-state" href={href} aria-current={here ? 'page' : undefined}>{text}</a></li>;
      })}
    </ul>
  </nav>
);

/** Whether the signed-in user may do `capability` (forms they may not use are not shown; the gate refuses them anyway). */
export function may(c: Viewer, capability: Capability): boolean {
  return holds(c.var.principal, capability);
}
