// The episode upload with a progress bar: the same multipart form, sent by XMLHttpRequest so that its upload
// progress shows (percent and bytes) and can be cancelled. Once the bytes are sent the server decodes and measures
// them: the page says so until the answer comes. The answer is the program page itself (after the redirect of a
// success) or the page drawn again with the problem, or, from the upload gate or the size limit, a problem in JSON.
(function () {
  'use strict';

  var form = document.getElementById('upload-form');
  if (!form || !window.XMLHttpRequest || !window.FormData || !window.DOMParser) {
    return;
  }
  var status = document.getElementById('upload-status');
  var bar = document.getElementById('upload-progress');
  var text = document.getElementById('upload-text');
  var cancel = document.getElementById('upload-cancel');
  var xhr = null;

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

  function showProblem(title, detail) {
    var box = form.parentNode.querySelector('#problem');
    if (!box) {
      box = document.createElement('div');
      box.id = 'problem';
      box.className = 'message error';
      box.setAttribute('role', 'alert');
      form.parentNode.insertBefore(box, form);
    }
    box.textContent = '';
    var strong = document.createElement('strong');
    strong.textContent = title;
    var span = document.createElement('span');
    span.textContent = ' ' + detail;
    box.appendChild(strong);
    box.appendChild(span);
  }

  function clearProblem() {
    var box = form.parentNode.querySelector('#problem');
    if (box) {
      box.remove();
    }
    form.querySelectorAll('.field-error').forEach(function (e) { e.remove(); });
  }

  function answered() {
    cancel.hidden = true;
    bar.hidden = true;
    var type = xhr.getResponseHeader('Content-Type') || '';
    if (type.indexOf('json') >= 0) {
      var problem = {};
      try { problem = JSON.parse(xhr.responseText); } catch (ignored) { /* not JSON after all */ }
      showProblem(problem.title || String(xhr.status), problem.detail || xhr.statusText);
      say('');
      return;
    }
    var doc = new DOMParser().parseFromString(xhr.responseText, 'text/html');
    if (xhr.status >= 400) {
      // the page drawn again with the problem, or an error page (a session run out, a role refused)
      var problemBox = doc.querySelector('#upload #problem');
      var heading = problemBox ? problemBox.querySelector('strong') : doc.querySelector('main h1');
      var detail = problemBox ? problemBox.querySelector('span') : doc.querySelector('main p');
      showProblem(heading ? heading.textContent : String(xhr.status), detail ? detail.textContent : '');
      doc.querySelectorAll('#upload .field-error').forEach(function (error) {
        var field = document.getElementById(error.id.replace(/-error$/, ''));
        if (field) {
          field.parentNode.appendChild(document.importNode(error, true));
        }
      });
      say('');
      return;
    }
    replace(doc, 'episodes');
    replace(doc, 'queue');
    replace(doc, 'airings');
    document.dispatchEvent(new CustomEvent('waveplan:queue-replaced'));
    var added = doc.querySelector('#episodes .episode.added h3');
    say(form.dataset.done + ' ' + (added ? added.textContent : ''));
    var article = document.querySelector('#episodes .episode.added');
    if (article) {
      article.scrollIntoView({ block: 'nearest' });
    }
    form.reset();
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearProblem();
    xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.setRequestHeader('Accept', 'text/html');
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
    xhr.addEventListener('load', answered);
    xhr.addEventListener('error', function () {
      cancel.hidden = true;
      bar.hidden = true;
      say(form.dataset.failed);
    });
    xhr.addEventListener('abort', function () {
      cancel.hidden = true;
      bar.hidden = true;
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
    if (xhr) {
      xhr.abort();
    }
  });
}());
