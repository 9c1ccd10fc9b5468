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

// Print buttons declared in markup (data-print): an inline onclick would be blocked by the CSP.
document.addEventListener('click', (event) => {
  if (event.target instanceof Element && event.target.closest('[data-print]')) {
    window.print();
  }
});

// A running job's page follows the job: the bar moves, and the page reloads with the result when it ends.
const jobSection = document.querySelector('[data-job-poll]');
if (jobSection && jobSection.dataset.jobPoll) {
  const bar = document.getElementById('job-progress');
  const status = document.getElementById('job-status');
  const poll = async () => {
    try {
      const response = await fetch(jobSection.dataset.jobPoll, { headers: { Accept: 'application/json' } });
      if (response.ok) {
        const job = await response.json();
        if (job.state === 'Succeeded' || job.state === 'Failed') {
          window.location.reload();
          return;
        }
        if (job.percent !== null && job.percent !== undefined) {
          bar.value = job.percent;
        }
        status.textContent = (job.total ? `${job.done} / ${job.total}` : '') + (job.stageText ? ` · ${job.stageText}` : '');
      }
    } catch {
      // The server is restarting or the network is away: try again at the next tick.
    }
    window.setTimeout(poll, 1000);
  };
  window.setTimeout(poll, 1000);
}

// A call's countdown counts down while the page is open (the server wrote the time left when it sent the page).
document.querySelectorAll('time[data-countdown]').forEach((time) => {
  const left = time.parentElement?.querySelector('[data-countdown-left]');
  const until = Date.parse(time.getAttribute('datetime') ?? '');
  if (!left || Number.isNaN(until)) {
    return;
  }
  const english = document.documentElement.lang.startsWith('en');
  const show = () => {
    const minutes = Math.floor((until - Date.now()) / 60000);
    if (minutes < 0) {
      left.textContent = english ? 'closed' : '已截止';
      return;
    }
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    left.textContent = days >= 1
      ? (english ? `${days} d ${hours} h left` : `还剩 ${days} 天 ${hours} 小时`)
      : (english ? `${hours} h ${minutes % 60} min left` : `还剩 ${hours} 小时 ${minutes % 60} 分`);
  };
  show();
  setInterval(show, 30000);
});
