// Reordering the queue by dragging a row (HTML5 drag and drop). The drop sends the same form as the row's arrow
// buttons, with the place it was dropped on, and the queue is drawn again from the page the server answers; an answer
// without the queue (an error page, a problem) is shown above it, an ended session goes to the login (answers.js).
// Without this script the buttons do the same, a place at a time.
(function () {
  'use strict';

  var dragged = null;

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll('#queue tr.entry'));
  }

  function move(row, position) {
    var answers = window.waveplanAnswers;
    var form = row.querySelector('form.move');
    var data = new URLSearchParams();
    data.append('_csrf', form.querySelector('input[name="_csrf"]').value);
    data.append('position', String(position));
    document.getElementById('queue').classList.add('busy');
    fetch(row.dataset.move, { method: 'POST', body: data, credentials: 'same-origin', headers: answers.headers })
      .then(function (response) {
        return response.text().then(function (text) {
          if (answers.redirected(response.headers.get('HX-Redirect'))) {
            return;
          }
          var now = document.getElementById('queue');
          // the queue drawn again, moved or with the reason it was not
          var next = new DOMParser().parseFromString(text, 'text/html').getElementById('queue');
          if (next) {
            now.replaceWith(document.importNode(next, true));
            wire();
            return;
          }
          now.classList.remove('busy');
          answers.show(now.querySelector('h2').nextElementSibling,
            answers.problem(response.status, response.headers.get('Content-Type'), text));
        });
      })
      .catch(function () {
        window.location.reload();
      });
  }

  function wire() {
    rows().forEach(function (row) {
      row.addEventListener('dragstart', function (event) {
        dragged = row;
        row.classList.add('dragging');
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', row.id);
      });
      row.addEventListener('dragend', function () {
        row.classList.remove('dragging');
        rows().forEach(function (r) { r.classList.remove('drop-target'); });
      });
      row.addEventListener('dragover', function (event) {
        if (dragged && dragged !== row) {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'move';
          row.classList.add('drop-target');
        }
      });
      row.addEventListener('dragleave', function () {
        row.classList.remove('drop-target');
      });
      row.addEventListener('drop', function (event) {
        event.preventDefault();
        if (!dragged || dragged === row) {
          return;
        }
        var target = rows().indexOf(row) + 1;
        var source = dragged;
        dragged = null;
        move(source, target);
      });
    });
  }

  document.addEventListener('DOMContentLoaded', wire);
  // the upload draws the queue again (a new episode may be queued from it)
  document.addEventListener('waveplan:queue-replaced', wire);
}());
