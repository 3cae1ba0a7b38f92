// Progressive enhancement only: every page works without this file.
(function () {
    "use strict";
    // Move focus to the error summary so screen-reader and keyboard users hear what went wrong (WCAG 3.3.1).
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
        summary.focus();
    }
})();
