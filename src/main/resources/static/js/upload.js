// The episode upload with a progress bar: the same multipart form, sent by XMLHttpRequest so that its upload
// progress shows (percent and bytes) and can be cancelled. Once the bytes are sent the server decodes and measures
// them: the page says so until the answer comes. The answer is the program page itself (after the redirect of a
// success) or the page drawn again with the problem, or, from the upload gate or the size limit, a problem in JSON,
// or for an ended session a 401 sending the page to the login (answers.js). One upload at a time: each request is
// its own handlers' (the button is disabled while it runs).
(function () {
  'use strict';

  var form = document.getElementById('upload-form');
  if (!form || !window.XMLHttpRequest || !window.FormData || !window.DOMParser || !window.waveplanAnswers) {
    return;
  }
  var status = document.getElementById('upload-status');
  var bar = document.getElementById('upload-progress');
  var text = document.getElementById('upload-text');
  var cancel = document.getElementById('upload-cancel');
  var button = form.querySelector('button[type="submit"]');
  var answers = window.waveplanAnswers;
  // the upload in flight: one at a time, a second click or Enter is ignored until it ends
  var sending = null;

  function megabytes(bytes) {
    return (bytes / 1048576).toFixed(1) + ' MB';
  }

  function say(message) {
    text.textContent = message;
  }

  // the parts of the page that an answer replaces
  function replace(doc, id) {
    var now = document.getElementById(id);
    var next = doc.getElementById(id);
    if (now && next) {
      now.replaceWith(document.importNode(next, true));
    }
  }

  function clearProblem() {
    var box = form.parentNode.querySelector(':scope > #problem');
    if (box) {
      box.remove();
    }
    form.querySelectorAll('.field-error').forEach(function (e) { e.remove(); });
  }

  function ended() {
    sending = null;
    button.disabled = false;
    cancel.hidden = true;
    bar.hidden = true;
  }

  function answered(xhr) {
    ended();
    if (answers.redirected(xhr.getResponseHeader('HX-Redirect'))) {
      return;
    }
    var type = xhr.getResponseHeader('Content-Type') || '';
    var doc = type.indexOf('html') >= 0 ? new DOMParser().parseFromString(xhr.responseText, 'text/html') : null;
    // a success is the program page with the new episode (after the redirect); anything else failed
    var added = doc && xhr.status < 400 ? doc.querySelector('#episodes .episode.added h3') : null;
    if (!added) {
      answers.show(form, answers.problem(xhr.status, type, xhr.responseText));
      if (doc) {
        doc.querySelectorAll('#upload .field-error').forEach(function (error) {
          var field = document.getElementById(error.id.replace(/-error$/, ''));
          if (field) {
            field.parentNode.appendChild(document.importNode(error, true));
          }
        });
      }
      say('');
      return;
    }
    replace(doc, 'episodes');
    replace(doc, 'queue');
    replace(doc, 'airings');
    document.dispatchEvent(new CustomEvent('waveplan:queue-replaced'));
    say(form.dataset.done + ' ' + added.textContent);
    var article = document.querySelector('#episodes .episode.added');
    if (article) {
      article.scrollIntoView({ block: 'nearest' });
    }
    form.reset();
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (sending) {
      return;
    }
    clearProblem();
    var xhr = new XMLHttpRequest();
    sending = xhr;
    button.disabled = true;
    xhr.open('POST', form.action);
    Object.keys(answers.headers).forEach(function (name) {
      xhr.setRequestHeader(name, answers.headers[name]);
    });
    // the token as a header: found in a form field, Spring Security's check would read the whole upload to find it,
    // ahead of the upload gate
    xhr.setRequestHeader(form.dataset.csrfHeader, form.querySelector('input[name="_csrf"]').value);
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        bar.value = Math.round(e.loaded * 100 / e.total);
        say(form.dataset.sending + ': ' + bar.value + ' % · ' + megabytes(e.loaded) + ' ' + form.dataset.of + ' '
          + megabytes(e.total));
      }
    });
    xhr.upload.addEventListener('load', function () {
      bar.value = 100;
      bar.removeAttribute('value');
      cancel.hidden = true;
      say(form.dataset.analysing);
    });
    xhr.addEventListener('load', function () {
      answered(xhr);
    });
    xhr.addEventListener('error', function () {
      ended();
      say(form.dataset.failed);
    });
    xhr.addEventListener('abort', function () {
      ended();
      say(form.dataset.cancelled);
    });
    status.hidden = false;
    bar.hidden = false;
    bar.value = 0;
    cancel.hidden = false;
    say(form.dataset.sending + '…');
    xhr.send(new FormData(form));
  });

  cancel.addEventListener('click', function () {
    if (sending) {
      sending.abort();
    }
  });
}());
