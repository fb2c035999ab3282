// Progressive enhancement of the upload page: the form works without this file (a plain multipart post). With it,
// the files are sent by XMLHttpRequest so the page can show how much has been sent, then that the return is being
// checked, and then the page the server answers: the upload report it redirected to, or the form with its errors.
const MB = 1024 * 1024;
const size = (bytes) => (bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

function enhance(form) {
  const progress = document.getElementById('upload-progress');
  const bar = document.getElementById('upload-progress-bar');
  const label = document.getElementById('upload-progress-label');
  const status = document.getElementById('upload-progress-status');
  const submit = document.getElementById('upload-submit');
  if (!progress || !bar || !label || !status || !submit) return;

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.responseType = 'document';
    progress.hidden = false;
    submit.disabled = true;
    submit.setAttribute('aria-disabled', 'true');
    label.textContent = 'Sending the files…';
    bar.value = 0;
    status.textContent = '';

    xhr.upload.addEventListener('progress', (e) => {
      if (!e.lengthComputable) return;
      bar.value = Math.round((e.loaded / e.total) * 100);
      status.textContent = `Sent ${size(e.loaded)} of ${size(e.total)}`;
    });
    xhr.upload.addEventListener('load', () => {
      // Every byte is sent: the server is now validating and storing. An indeterminate bar says "working".
      label.textContent = 'Checking the return…';
      bar.removeAttribute('value');
      status.textContent = 'Checking the return with every DfE rule. This can take a minute for a large return.';
    });
    xhr.addEventListener('load', () => {
      const answered = new URL(xhr.responseURL || form.action);
      if (answered.pathname !== new URL(form.action).pathname) {
        // Redirected to the upload report (post/redirect/get): show it at its own address.
        window.location.assign(answered.href);
        return;
      }
      showAnswer(xhr.response);
    });
    xhr.addEventListener('error', () => {
      submit.disabled = false;
      submit.removeAttribute('aria-disabled');
      label.textContent = 'The files could not be sent';
      bar.value = 0;
      status.textContent = 'Check your connection and try again. Nothing was changed.';
    });
    xhr.send(new FormData(form));
  });
}

/** The form again with its errors (or an error page): its main content replaces this page's. */
function showAnswer(answer) {
  const main = answer && answer.querySelector('main');
  if (!main) {
    window.location.reload();
    return;
  }
  document.title = answer.title;
  document.querySelector('main').replaceWith(document.importNode(main, true));
  const form = document.getElementById('upload-form');
  if (form) enhance(form);
  const summary = document.querySelector('.govuk-error-summary');
  if (summary) {
    summary.setAttribute('tabindex', '-1');
    summary.focus();
  }
}

const form = document.getElementById('upload-form');
if (form && 'upload' in XMLHttpRequest.prototype) enhance(form);
