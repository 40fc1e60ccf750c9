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
  });

  // Coming back with the browser's Back button must not leave the button stuck on "Reviewing…".
  window.addEventListener("pageshow", () => {
    button.disabled = false;
    button.textContent = idleLabel;
  });
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("upload-form");
  if (form) {
    setUpUploadForm(form);
  }
});
