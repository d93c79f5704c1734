/*
 * Pro Spine & Pain FAQ chat widget. A site adds one tag:
 *   <script src="https://BOT-HOST/widget/embed.js" async></script>
 * It draws a launcher button; Bot Framework Web Chat (about 1 MB) is downloaded only when the visitor opens the chat.
 * Styles are set through element.style, which a host page's Content-Security-Policy allows without a nonce; rules
 * inside Web Chat go through its style set, which it inserts with the page's nonce like its own.
 * The bot fills in the configuration below when it serves this file.
 */
(function () {
  'use strict';

  var config = /*CONFIG*/{};
  var script = document.currentScript;
  if (!script || window.proSpineFaqWidget) {
    return;
  }
  var botOrigin = new URL(script.src, document.baseURI).origin;
  var nonce = script.nonce || undefined;
  var color = script.getAttribute('data-color') || config.color;
  var ids = { panel: 'psp-chat-panel', title: 'psp-chat-title', greeting: 'psp-chat-greeting' };
  // Emergency red, not the brand colour: "Call 911" must not look like "Helpful". White on it reads at 7:1.
  var urgentColor = '#a4262c', urgentHover = '#7f1d22';
  // The clinic's numbers as the content writes them, (262) 297-7246: US numbers, dialled with +1.
  var phoneNumber = /\((\d{3})\) (\d{3})-(\d{4})/g;
  var launcher, panel, body, started = false;

  function element(tag, style, attributes) {
    var node = document.createElement(tag);
    Object.assign(node.style, style || {});
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    return node;
  }

  function drawLauncher() {
    launcher = element('button', {
      position: 'fixed', right: '20px', bottom: '20px', zIndex: '2147483000', padding: '12px 20px',
      border: '0', borderRadius: '24px', background: color, color: '#ffffff', fontFamily: 'inherit', fontSize: '16px',
      fontWeight: '600', lineHeight: '1.2',
      boxShadow: '0 2px 8px rgba(0, 0, 0, 0.3)', cursor: 'pointer'
    }, { type: 'button', 'aria-haspopup': 'dialog', 'aria-expanded': 'false', 'aria-controls': ids.panel });
    launcher.textContent = config.launcher;
    launcher.addEventListener('click', function () { setOpen(panel === undefined || panel.hidden); });
    document.body.appendChild(launcher);
  }

  function drawPanel() {
    panel = element('section', {
      position: 'fixed', right: '20px', bottom: '20px', zIndex: '2147483000', width: 'min(400px, calc(100vw - 40px))',
      height: 'min(640px, calc(100vh - 40px))', display: 'flex', flexDirection: 'column', background: '#ffffff',
      border: '1px solid #c8c8c8', borderRadius: '8px', boxShadow: '0 4px 16px rgba(0, 0, 0, 0.3)', overflow: 'hidden',
      fontFamily: 'inherit', fontSize: '16px', lineHeight: '1.4', color: '#1a1a1a'
    }, { id: ids.panel, role: 'dialog', 'aria-labelledby': ids.title, 'aria-describedby': ids.greeting });

    var header = element('div', { display: 'flex', alignItems: 'flex-start', gap: '8px', padding: '12px 16px', background: color, color: '#ffffff' });
    var heading = element('div', { flex: '1' });
    var title = element('h2', { margin: '0', fontSize: '18px' }, { id: ids.title });
    title.textContent = config.title;
    var greeting = element('p', { margin: '4px 0 0', fontSize: '14px' }, { id: ids.greeting });
    greeting.textContent = config.greeting;
    heading.append(title, greeting);
    var close = element('button', {
      border: '1px solid #ffffff', borderRadius: '4px', background: 'transparent', color: '#ffffff',
      font: 'inherit', fontSize: '14px', padding: '4px 8px', cursor: 'pointer'
    }, { type: 'button' });
    close.textContent = config.close;
    close.addEventListener('click', function () { setOpen(false); });
    header.append(heading, close);

    body = element('div', { flex: '1', minHeight: '0' }, { role: 'status' });
    body.textContent = config.loading;
    panel.append(header, body);
    panel.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') {
        setOpen(false);
      }
    });
    document.body.appendChild(panel);
  }

  function setOpen(open) {
    if (open && !panel) {
      drawPanel();
    }
    if (!panel) {
      return;
    }
    // The panel's own display:flex would beat the hidden attribute, leaving a "closed" panel on screen.
    panel.hidden = !open;
    panel.style.display = open ? 'flex' : 'none';
    // The open panel takes the launcher's corner: on a phone every pixel of it is needed for the chat.
    launcher.hidden = open;
    launcher.style.display = open ? 'none' : '';
    launcher.setAttribute('aria-expanded', String(open));
    if (!open) {
      launcher.focus();
      return;
    }
    if (!started) {
      started = true;
      startChat().catch(showUnavailable);
    } else {
      focusSendBox();
    }
  }

  function loadWebChat() {
    if (window.WebChat) {
      return Promise.resolve(window.WebChat);
    }
    return new Promise(function (resolve, reject) {
      // The bundle lives on the bot, not on the site that embeds this script: resolve its path against the bot.
      var tag = element('script', null, { src: new URL(config.webChatUrl, script.src).href, async: '' });
      if (nonce) {
        tag.nonce = nonce;
      }
      if (config.webChatIntegrity) {
        // Web Chat from another host: the browser runs it only if it is byte for byte the file that was reviewed.
        tag.integrity = config.webChatIntegrity;
        tag.crossOrigin = 'anonymous';
      }
      tag.onload = function () { resolve(window.WebChat); };
      tag.onerror = function () { reject(new Error('Web Chat did not load')); };
      document.head.appendChild(tag);
    });
  }

  function fetchToken() {
    return fetch(botOrigin + config.tokenPath, { method: 'POST' }).then(function (response) {
      if (!response.ok) {
        throw new Error('Token request failed: ' + response.status);
      }
      return response.json();
    });
  }

  function startChat() {
    return Promise.all([loadWebChat(), fetchToken()]).then(function (results) {
      var WebChat = results[0], session = results[1];
      body.removeAttribute('role');
      body.textContent = '';
      var styleOptions = {
        accent: color,
        hideUploadButton: true,
        // The page's own font, as the visitor's site chose it, instead of Web Chat's Calibri.
        primaryFont: getComputedStyle(panel).fontFamily,
        // Buttons side by side as they fit, not a carousel that hides some; see widgetStyleSet for their labels.
        suggestedActionLayout: 'flow'
      };
      WebChat.renderWebChat({
        directLine: WebChat.createDirectLine({ token: session.token, domain: session.domain, webSocket: true }),
        locale: document.documentElement.lang || 'en-US',
        nonce: nonce,
        renderMarkdown: function (markdown) {
          var args = Array.prototype.slice.call(arguments);
          args[0] = linkPhoneNumbers(markdown);
          return WebChat.renderMarkdown.apply(null, args);
        },
        styleOptions: styleOptions,
        styleSet: widgetStyleSet(WebChat.createStyleSet(styleOptions))
      }, body);
      markUrgentButtons();
      focusSendBox();
    });
  }

  /** A phone number in a bubble is a link a phone dials, e.g. [(262) 297-7246](tel:+12622977246); the words stay. */
  function linkPhoneNumbers(markdown) {
    return String(markdown).replace(phoneNumber, function (number, area, exchange, line, offset, text) {
      var linked = text.charAt(offset - 1) === '[' && text.charAt(offset + number.length) === ']';
      return linked ? number : '[' + number + '](tel:+1' + area + exchange + line + ')';
    });
  }

  /** Web Chat's own style set, plus the widget's few rules (Web Chat inserts them with the page's nonce). */
  function widgetStyleSet(set) {
    set.root = Object.assign({}, set.root, {
      // "(262) 297-7246" split over two lines is misread and mistyped.
      '& a[href^="tel:"]': { whiteSpace: 'nowrap' }
    });
    // A long question wraps inside its button instead of ending in "…" ("How long does the implant surgery ta…").
    set.suggestedActions = Object.assign({}, set.suggestedActions, {
      '&.webchat__suggested-actions--flow-layout .webchat__suggested-action': { height: 'auto', minHeight: 40, whiteSpace: 'normal' },
      '&.webchat__suggested-actions.webchat__suggested-actions--flow-layout .webchat__suggested-actions__button-text': {
        overflow: 'visible', textOverflow: 'clip', paddingBottom: 6, paddingTop: 6
      }
    });
    // !important: Web Chat colours its buttons through long :hover and :active selectors that would win otherwise.
    var urgent = { backgroundColor: urgentColor + ' !important', borderColor: urgentColor + ' !important', color: '#ffffff !important', fontWeight: '600' };
    var pressed = { backgroundColor: urgentHover + ' !important', borderColor: urgentHover + ' !important' };
    set.suggestedAction = Object.assign({}, set.suggestedAction, {
      '&.webchat__suggested-action[data-urgent]': Object.assign(urgent, {
        '&:hover, &:active': pressed,
        '& .webchat__suggested-action__keyboard-focus-indicator': { borderColor: '#ffffff' }
      })
    });
    return set;
  }

  /**
   * Web Chat draws every suggested action alike and gives a button nothing but its label to tell it by, so the
   * emergency calls (their labels come from messages.yaml) are marked whenever Web Chat draws buttons.
   */
  function markUrgentButtons() {
    function mark() {
      var buttons = body.querySelectorAll('.webchat__suggested-action');
      for (var i = 0; i < buttons.length; i++) {
        var urgent = config.urgent.indexOf(buttons[i].textContent.trim()) >= 0;
        if (urgent !== buttons[i].hasAttribute('data-urgent')) {
          buttons[i].toggleAttribute('data-urgent', urgent);
        }
      }
    }
    new MutationObserver(mark).observe(body, { childList: true, subtree: true, characterData: true });
  }

  function focusSendBox() {
    var tries = 0;
    (function attempt() {
      var input = body.querySelector('[data-id="webchat-sendbox-input"]');
      if (input) {
        input.focus();
      } else if (++tries < 50) {
        setTimeout(attempt, 100);
      }
    })();
  }

  function showUnavailable() {
    body.setAttribute('role', 'alert');
    body.style.padding = '16px';
    body.textContent = config.unavailable;
  }

  window.proSpineFaqWidget = { open: function () { setOpen(true); }, close: function () { setOpen(false); } };
  if (document.body) {
    drawLauncher();
  } else {
    document.addEventListener('DOMContentLoaded', drawLauncher);
  }
})();
