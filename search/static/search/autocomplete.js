/* Progressive autocomplete for the search field (WAI-ARIA combobox pattern).
   Without JavaScript the form still works: it is a plain GET form. */
(function () {
  "use strict";
  function init(input) {
    var list = document.getElementById(input.getAttribute("aria-controls"));
    var url = input.getAttribute("data-autocomplete-url");
    var items = [];
    var active = -1;
    var timer = null;
    var lastQuery = "";

    function close() {
      list.hidden = true;
      list.innerHTML = "";
      items = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }
    function highlight(index) {
      items.forEach(function (li, i) { li.setAttribute("aria-selected", i === index ? "true" : "false"); });
      active = index;
      if (index >= 0) { input.setAttribute("aria-activedescendant", items[index].id); }
      else { input.removeAttribute("aria-activedescendant"); }
    }
    function go(li) { window.location.href = li.getAttribute("data-url"); }
    function show(results) {
      list.innerHTML = "";
      items = results.map(function (result, i) {
        var li = document.createElement("li");
        li.id = "search-suggestion-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.setAttribute("data-url", result.url);
        li.textContent = result.title;
        li.addEventListener("mousedown", function (event) { event.preventDefault(); go(li); });
        list.appendChild(li);
        return li;
      });
      active = -1;
      if (items.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      } else {
        close();
      }
    }
    function fetchSuggestions() {
      var query = input.value.trim();
      if (query === lastQuery) { return; }
      lastQuery = query;
      if (query.length < 2) { close(); return; }
      fetch(url + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" }, credentials: "omit" })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { if (input.value.trim() === query) { show(data.results || []); } })
        .catch(close);
    }
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && items.length) {
        event.preventDefault();
        highlight((active + 1) % items.length);
      } else if (event.key === "ArrowUp" && items.length) {
        event.preventDefault();
        highlight(active <= 0 ? items.length - 1 : active - 1);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        go(items[active]);
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault();  // close the suggestions, keep the typed words
        close();
        lastQuery = input.value.trim();
      }
    });
    input.addEventListener("blur", function () { window.setTimeout(close, 100); lastQuery = ""; });
  }
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("input[data-autocomplete-url]"), init);
  });
})();
