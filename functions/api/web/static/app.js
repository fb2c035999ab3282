// Progressive enhancement only: every page works without this file. It marks the page as scripted (GOV.UK
// Frontend's CSS keys on these classes) and starts GOV.UK Frontend's components.
document.body.classList.add('js-enabled');
if ('noModule' in HTMLScriptElement.prototype) {
  document.body.classList.add('govuk-frontend-supported');
  const source = document.querySelector('script[data-govuk-frontend]')?.getAttribute('data-govuk-frontend');
  if (source) import(source).then(({ initAll }) => initAll());
}
