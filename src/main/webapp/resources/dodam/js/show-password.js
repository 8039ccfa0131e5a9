/*
 * Dodam: a "Show" button beside each password field (OWASP ASVS 2.1.12), added here so that without scripts
 * there is no button that does nothing. The field tag (WEB-INF/tags/field.xhtml) wraps each password input in
 * <span class="secret"> with the button's text (data-show-text) and its name, which says which field
 * (data-show-name), both from the message bundles. The button is a toggle: its name stays the same and
 * aria-pressed says whether the password is shown. Before a form is sent, and when the page is left (so that
 * the back button does not bring back a shown password), every field is masked again, so the browser never
 * sends or keeps a password from a text field. No inline handler or style: the policy allows neither.
 */
(function () {
  'use strict';

  function toggleOf(wrapper) {
    return wrapper.querySelector('button.secret__toggle');
  }

  function show(wrapper, shown) {
    var input = wrapper.querySelector('input');
    var button = toggleOf(wrapper);
    if (!input || !button) {
      return;
    }
    input.type = shown ? 'text' : 'password';
    button.setAttribute('aria-pressed', shown ? 'true' : 'false');
  }

  function enhance(wrapper) {
    var input = wrapper.querySelector('input[type="password"]');
    if (!input || !input.id || toggleOf(wrapper) || !wrapper.dataset.showText) {
      return;
    }
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'secret__toggle';
    button.textContent = wrapper.dataset.showText;
    button.setAttribute('aria-label', wrapper.dataset.showName || wrapper.dataset.showText);
    button.setAttribute('aria-controls', input.id);
    button.setAttribute('aria-pressed', 'false');
    button.addEventListener('click', function () {
      show(wrapper, button.getAttribute('aria-pressed') !== 'true');
    });
    wrapper.appendChild(button);
    wrapper.classList.add('secret--toggle');
  }

  function maskAll(root) {
    Array.prototype.forEach.call(root.querySelectorAll('.secret'), function (wrapper) {
      show(wrapper, false);
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('.secret'), enhance);
    // Capture: before any other handler of the form, and before the browser reads its fields.
    document.addEventListener('submit', function (event) {
      maskAll(event.target instanceof Element ? event.target : document);
    }, true);
    window.addEventListener('pagehide', function () {
      maskAll(document);
    });
  }

  if (window.dodamShowPassword) {
    return;
  }
  window.dodamShowPassword = true;
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
