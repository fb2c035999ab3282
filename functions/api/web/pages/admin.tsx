import { listTenants } from '../../../../shared/data/repositories/registry.ts';
import { lastJobRuns } from '../../../../shared/data/repositories/jobs.ts';
import { queueFullRecompute } from '../../routes/admin-jobs.ts';
import { dateTime, SuccessBanner } from '../forms.tsx';
import { CsrfField, Pages, render } from '../kit.tsx';

/** platform_admin: the tenant registry, queue and dead-letter depths, the last job runs, and a re-run button. */
export const adminPages = new Pages()
  .get('/admin', 'jobs.read', async (c) => {
    const [queues, runs, tenants] = await Promise.all([c.var.deps.queueDepths(), lastJobRuns(c.var.data), listTenants(c.var.data)]);
    const queued = c.req.query('queued') === '1';
    return render(c, { title: 'Tenants and jobs' }, <>
      <SuccessBanner message={queued ? 'A full recompute of every LA is queued.' : undefined} />
      <h1 class="govuk-heading-l">Tenants and jobs</h1>
      <h2 class="govuk-heading-m">Queues</h2>
      <table class="govuk-table" id="queues">
        <caption class="govuk-table__caption govuk-visually-hidden">Messages waiting, in flight and dead-lettered, by queue</caption>
        <thead class="govuk-table__head"><tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">Queue</th>
          <th scope="col" class="govuk-table__header govuk-table__header--numeric">Waiting</th>
          <th scope="col" class="govuk-table__header govuk-table__header--numeric">In flight</th>
          <th scope="col" class="govuk-table__header govuk-table__header--numeric">Dead letters</th>
        </tr></thead>
        <tbody class="govuk-table__body">
          {queues.map((q) => (
            <tr class="govuk-table__row" data-queue={q.queue}>
              <th scope="row" class="govuk-table__header">{q.queue}</th>
              <td class="govuk-table__cell govuk-table__cell--numeric">{q.visible}</td>
              <td class="govuk-table__cell govuk-table__cell--numeric">{q.inFlight}</td>
              <td class="govuk-table__cell govuk-table__cell--numeric">{q.deadLetters > 0 ? <strong class="govuk-tag govuk-tag--red">{q.deadLetters}</strong> : 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="post" action="/app/admin/recompute">
        <CsrfField session={c.var.session} />
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Re-run the recompute for every LA</button>
      </form>
      <h2 class="govuk-heading-m">Last job runs</h2>
      {runs.length === 0 ? <p class="govuk-body">No job has run yet.</p> : (
        <table class="govuk-table" id="runs">
          <caption class="govuk-table__caption govuk-visually-hidden">The most recent job runs, newest first</caption>
          <thead class="govuk-table__head"><tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">Job</th>
            <th scope="col" class="govuk-table__header">Started</th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">Messages</th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">Failed</th>
            <th scope="col" class="govuk-table__header">Detail</th>
          </tr></thead>
          <tbody class="govuk-table__body">
            {runs.map((r) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">{r.job}</td>
                <td class="govuk-table__cell">{dateTime(r.startedAt)}</td>
                <td class="govuk-table__cell govuk-table__cell--numeric">{r.messages}</td>
                <td class="govuk-table__cell govuk-table__cell--numeric">{r.failed > 0 ? <strong class="govuk-tag govuk-tag--red">{r.failed}</strong> : 0}</td>
                <td class="govuk-table__cell">{r.detail ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 class="govuk-heading-m">Tenants ({tenants.length})</h2>
      <table class="govuk-table" id="tenants">
        <caption class="govuk-table__caption govuk-visually-hidden">Registered local authorities</caption>
        <thead class="govuk-table__head"><tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">Code</th>
          <th scope="col" class="govuk-table__header">Local authority</th>
          <th scope="col" class="govuk-table__header">Region</th>
        </tr></thead>
        <tbody class="govuk-table__body">
          {tenants.map((t) => (
            <tr class="govuk-table__row"><td class="govuk-table__cell">{t.code}</td><td class="govuk-table__cell">{t.name}</td><td class="govuk-table__cell">{t.region}</td></tr>
          ))}
        </tbody>
      </table>
    </>);
  })
  .post('/admin/recompute', 'jobs.run', async (c) => {
    await queueFullRecompute(c.var.deps, c.var.principal.subject);
    return c.redirect('/app/admin?queued=1', 303);
  });
