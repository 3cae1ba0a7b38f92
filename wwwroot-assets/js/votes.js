// Voting without a page reload. Progressive enhancement only: without this file the vote form is a plain
// post that redirects back to the idea (#stemmer) with a message.
(function () {
    "use strict";
    var form = document.querySelector("[data-vote-form]");
    if (!form || !window.fetch || !window.FormData) {
        return;
    }
    var section = form.closest("section") || document;
    var count = section.querySelector("[data-vote-count]");
    var status = section.querySelector("[data-vote-status]");
    var button = form.querySelector("button[type=submit]");
    var left = section.querySelector("[data-votes-left]");

    function show(voted) {
        form.setAttribute("action", voted ? form.dataset.unvoteUrl : form.dataset.voteUrl);
        button.textContent = voted ? form.dataset.unvoteLabel : form.dataset.voteLabel;
        button.setAttribute("aria-pressed", voted ? "true" : "false");
        button.setAttribute("data-variant", voted ? "secondary" : "primary");
    }

    form.addEventListener("submit", function (event) {
        event.preventDefault();
        if (button.disabled) {
            return;
        }
        button.disabled = true;
        fetch(form.getAttribute("action"), {
            method: "POST",
            body: new FormData(form),
            headers: { "X-Requested-With": "fetch", "Accept": "application/json" },
            credentials: "same-origin"
        }).then(function (response) {
            var type = response.headers.get("Content-Type") || "";
            if (type.indexOf("application/json") === -1) {
                // Not an answer we understand (signed out, an error page): let the browser do the plain post.
                throw new Error("Unexpected response " + response.status);
            }
            return response.json();
        }).then(function (result) {
            count.textContent = String(result.count);
            show(result.voted);
            status.textContent = result.message;
            if (left && result.votesLeftText) {
                left.textContent = result.votesLeftText;
            }
            button.disabled = false;
        }).catch(function () {
            button.disabled = false;
            form.submit();
        });
    });
})();
