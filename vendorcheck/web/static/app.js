// Progressive enhancement of the upload form: the page works without it.
"use strict";

function setUpUploadForm(form) {
  const button = form.querySelector("button[type=submit]");
  const idleLabel = button.textContent;
  const error = form.querySelector(".form-error");
  const maxBytes = Number(form.dataset.maxBytes);

  form.addEventListener("submit", (event) => {
    // Checked here too so the doctor is told at once instead of after sending a large file for nothing.
    const total = Array.from(form.querySelectorAll("input[type=file]"))
      .flatMap((input) => Array.from(input.files))
      .reduce((sum, file) => sum + file.size, 0);
    if (total > maxBytes) {
      event.preventDefault();
      error.textContent = form.dataset.tooBig;
      error.hidden = false;
      return;
    }
    error.hidden = true;
    button.disabled = true;
    button.textContent = button.dataset.working;
    followProgress(form, button);
  });

  // Coming back with the browser's Back button must not leave the button stuck on "Reviewing…".
  window.addEventListener("pageshow", () => {
    button.disabled = false;
    button.textContent = idleLabel;
  });
}

// A scan is read page by page: while the form is being answered, show which page the server is on.
function followProgress(form, button) {
  const field = form.querySelector("input[name=progress]");
  if (!field || !window.crypto || !crypto.randomUUID) {
    return;
  }
  const key = crypto.randomUUID();
  field.value = key;
  const poll = async () => {
    try {
      const response = await fetch(`/progress/${key}`, { credentials: "same-origin", cache: "no-store" });
      const state = await response.json();
      if (state.total) {
        button.textContent = form.dataset.progress.replace("{done}", state.done).replace("{total}", state.total);
      }
    } catch (ignored) {
      // The result page is loading or the server is busy: the next poll will tell.
    }
  };
  window.setInterval(poll, 1000);
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("upload-form");
  if (form) {
    setUpUploadForm(form);
  }
});
