// The desk's one script (pages allow no inline script): the "Copy email HTML"
// button. The email HTML is also in the page's text box, to copy by hand where the
// clipboard is not allowed.
"use strict";
document.addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-copy]");
  if (!button) return;
  const source = document.getElementById(button.dataset.copy);
  const status = button.parentElement.querySelector(".copied");
  try {
    await navigator.clipboard.writeText(source.value);
    if (status) status.textContent = "Copied.";
  } catch (error) {
    source.closest("details").open = true;
    source.select();
    if (status) status.textContent = "Copy it from the box below (the browser did not allow the clipboard).";
  }
});
