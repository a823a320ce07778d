// A button with data-copy="<input id>" copies that input's text. Where the clipboard cannot be written (plain
// HTTP, a refusal), the text is selected for the person to copy, and the button's data-select says so.
(function () {
  if (window.waveplanCopy) {
    return; // loaded again by a part that htmx swapped in
  }
  window.waveplanCopy = true;

  function say(button, text) {
    var status = button.closest('.token-issued');
    status = status && status.querySelector('.copy-status');
    if (status) {
      status.textContent = text;
    }
  }

  function select(button, field) {
    field.focus();
    field.select();
    say(button, button.dataset.select);
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy]');
    if (!button) {
      return;
    }
    var field = document.getElementById(button.dataset.copy);
    if (!field) {
      return;
    }
    if (!navigator.clipboard || !window.isSecureContext) {
      select(button, field);
      return;
    }
    navigator.clipboard.writeText(field.value).then(function () {
      say(button, button.dataset.copied);
    }, function () {
      select(button, field);
    });
  });
}());
