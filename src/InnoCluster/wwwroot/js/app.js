// Small progressive enhancements; every page works without them.

// Source details: opening one closes the others in the same list, so quotes stay readable.
document.addEventListener('toggle', (event) => {
  const details = event.target;
  if (!(details instanceof HTMLDetailsElement) || !details.open || !details.classList.contains('source')) {
    return;
  }
  const row = details.closest('li, tr, .fact-row');
  if (!row) {
    return;
  }
  row.querySelectorAll('details.source[open]').forEach((other) => {
    if (other !== details) {
      other.open = false;
    }
  });
}, true);

// Confirmations declared in markup (data-confirm) instead of inline handlers, so CSP can forbid inline script.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});
