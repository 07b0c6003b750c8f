// Polls the variant status while something is building and reloads when all builds are done.
(function () {
  const section = document.querySelector('[data-variant-status]');
  if (!section) return;
  const progress = section.querySelector('[data-variant-progress]');
  const url = section.dataset.statusUrl;
  function poll() {
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((r) => r.json())
      .then((data) => {
        if (data.building) {
          progress.hidden = false;
          setTimeout(poll, 2000);
        } else if (!progress.hidden) {
          window.location.reload();
        }
      })
      .catch(() => setTimeout(poll, 5000));
  }
  if (!progress.hidden) setTimeout(poll, 2000);
})();
