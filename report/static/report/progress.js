/* Polls the status of reports that are still being built and shows the download link when ready. */
(function () {
  "use strict";
  var DOWNLOAD = document.documentElement.lang && document.documentElement.lang.indexOf("de") === 0 ? "Herunterladen" : "Download";
  function poll(row) {
    fetch(row.getAttribute("data-report-status-url"), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        row.setAttribute("data-report-status", data.status);
        row.querySelector(".report-status").textContent = data.label + (data.error ? ": " + data.error : "");
        if (data.download_url) {
          var link = document.createElement("a");
          link.href = data.download_url;
          link.textContent = DOWNLOAD;
          var cell = row.querySelector(".report-download");
          cell.textContent = "";
          cell.appendChild(link);
        }
        if (data.status === "pending" || data.status === "building") { window.setTimeout(function () { poll(row); }, 2000); }
      })
      .catch(function () { window.setTimeout(function () { poll(row); }, 5000); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("tr[data-report-status-url]").forEach(function (row) {
      var status = row.getAttribute("data-report-status");
      if (status === "pending" || status === "building") { poll(row); }
    });
  });
})();
