// Leichte Sprache findings while editing: on a Leichte Sprache page, a panel shows the stored
// check of the latest revision and re-checks the text (title and all text fields, in form
// order) a moment after the editor stops typing. Findings are highlighted in the checked text.
(function () {
  const match = window.location.pathname.match(/\/admin\/pages\/(\d+)\/edit\/?$/);
  const form = document.querySelector('form[data-edit-form]') || document.getElementById('page-edit-form');
  if (!match || !form) return;
  const pageId = match[1];
  const csrf = (form.querySelector('input[name=csrfmiddlewaretoken]') || {}).value;
  let checkUrl = null;
  let siteId = null;
  let timer = null;
  let labels = {};

  const panel = document.createElement('section');
  panel.className = 'leichte-sprache-panel';
  panel.setAttribute('aria-labelledby', 'ls-panel-heading');
  panel.setAttribute('aria-live', 'polite');
  panel.tabIndex = 0; // the panel scrolls: keyboard users must be able to reach and scroll it (WCAG 2.1.1)
  panel.style.cssText = 'border:1px solid #ccc;padding:1rem;margin:1rem 0;max-height:40vh;overflow:auto;background:#fff';

  function esc(s) {
    return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  function render(result, text, heading) {
    if (result.error) {
      panel.innerHTML = `<h2 id="ls-panel-heading">${esc(labels.heading)}</h2><p class="error-message">${esc(result.error)}</p>`;
      return;
    }
    const findings = result.findings || [];
    const scores = result.scores || {};
    let html = '';
    let pos = 0;
    const sorted = findings.slice().sort((a, b) => a.start - b.start);
    for (const f of sorted) {
      if (f.start < pos) continue;
      html += esc(text.slice(pos, f.start));
      html += `<mark title="${esc((f.rule_name || f.rule) + ': ' + f.message)}" data-rule="${esc(f.rule)}">${esc(text.slice(f.start, f.end))}</mark>`;
      pos = f.end;
    }
    html += esc(text.slice(pos));
    const items = findings.map((f) => `<li><strong title="${esc(f.rule_explanation || '')}">${esc(f.rule_name || f.rule)}</strong> „${esc(f.text)}“: ${esc(f.message)}${f.suggestion ? ' → ' + esc(f.suggestion) : ''}</li>`).join('');
    panel.innerHTML = `<h2 id="ls-panel-heading">${esc(labels.heading)}: ${esc(heading)}</h2>
      <p>Flesch-Amstad: <strong>${scores.flesch_amstad ?? '–'}</strong> · Wiener Sachtextformel: <strong>${scores.wiener_sachtextformel ?? '–'}</strong> · ${findings.length} ${esc(labels.findings)}</p>
      <p class="help-block">${esc(labels.disclaimer)}</p>
      <pre style="white-space:pre-wrap;font-family:inherit">${html}</pre><ol>${items}</ol>`;
  }

  function collectText() {
    const parts = [];
    document.querySelectorAll('input[type=text][name], textarea[name], [contenteditable=true]').forEach((el) => {
      if (!(el.form === form || form.contains(el))) return;
      const name = el.getAttribute('name') || '';
      if (/slug|seo_title|search_description|url|email|phone|csrf|date|time/i.test(name)) return;
      if (el.tagName === 'TEXTAREA' && el.closest('[data-contentpath]') && /^\s*[\[{]/.test(el.value)) return;
      if (el.tagName === 'TEXTAREA' && el.style.display === 'none') return;
      const value = el.isContentEditable ? el.innerText : el.value;
      if (value && value.trim()) parts.push(value.trim());
    });
    return parts.join('\n');
  }

  function recheck() {
    const text = collectText();
    fetch(checkUrl, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRFToken': csrf },
      body: JSON.stringify({ text, site: siteId }),
    })
      .then((r) => r.json())
      .then((data) => render(data, data.text || text, labels.current_text))
      .catch(() => {});
  }

  fetch(`/admin/accessibility/pages/${pageId}/check/`, { credentials: 'same-origin' })
    .then((r) => r.json())
    .then((data) => {
      if (!data.leichte_sprache) return;
      checkUrl = data.check_url;
      labels = data.labels || {};
      siteId = data.site;
      form.prepend(panel);
      if (data.check) render(data.check, data.text, labels.saved_version);
      else {
        panel.innerHTML = `<h2 id="ls-panel-heading">${esc(labels.heading)}</h2><p>${esc(labels.checking)}</p>`;
        recheck();
      }
      // Inputs may sit outside the <form> element (form="…" attribute): listen on the document.
      document.addEventListener('input', (event) => {
        const el = event.target;
        if (!(el.form === form || form.contains(el) || el.isContentEditable)) return;
        clearTimeout(timer);
        timer = setTimeout(recheck, 1200);
      }, true);
    })
    .catch(() => {});
})();
