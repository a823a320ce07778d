// A suggested channel goes into the slot form's frequency field; the change runs the live check again (htmx).
document.addEventListener('click', function (event) {
  const choice = event.target.closest('button[data-khz]');
  const field = document.getElementById('frequencyKhz');
  if (!choice || !field) {
    return;
  }
  field.value = choice.dataset.khz;
  field.dispatchEvent(new Event('change', { bubbles: true }));
  field.focus();
});
