/*
 * The clinic page's chat: rasa-webchat 1.0.1, wrapped rather than forked.
 *
 * - Starts the widget against the Rasa server named in /config.js (served by
 *   web/server.py), with the conversation kept in sessionStorage: a reload
 *   continues it, closing the tab ends it on this device.
 * - Draws the assistant's triage banner. rasa-webchat shows custom payloads only
 *   through a React component, which a plain page cannot give it, so the page
 *   listens to the socket itself and draws urgent and emergency advice above
 *   everything, with the phone number as a tap-to-call link.
 * - Fills the widget's accessibility gaps (names for its buttons and input, a live
 *   log of messages, keyboard use of reply buttons) as its elements appear.
 */
(function () {
  "use strict";

  var config = window.CLINIC_CHAT;
  var BANNER_KEY = "clinic-chat-banner";
  var LEVEL_RANK = { urgent: 1, emergency: 2 };

  function telHref(phone) {
    return "tel:" + String(phone).replace(/[^\d+]/g, "");
  }

  // --- Triage banner --------------------------------------------------------
  function drawBanner(banner) {
    var element = document.getElementById("triage-banner");
    element.textContent = "";
    element.className = "triage-banner triage-banner--" + banner.level;
    element.setAttribute("data-level", banner.level);

    var title = document.createElement("p");
    title.className = "triage-banner__title";
    title.textContent = banner.title;
    element.appendChild(title);

    var call = document.createElement("a");
    call.className = "triage-banner__call";
    call.href = telHref(banner.phone);
    call.textContent = "Call " + banner.phone;
    element.appendChild(call);

    if (banner.level !== "emergency" && config.emergencyNumber) {
      var emergency = document.createElement("p");
      emergency.className = "triage-banner__note";
      emergency.appendChild(document.createTextNode("If it gets suddenly worse, call "));
      var link = document.createElement("a");
      link.href = telHref(config.emergencyNumber);
      link.textContent = config.emergencyNumber;
      emergency.appendChild(link);
      emergency.appendChild(document.createTextNode("."));
      element.appendChild(emergency);
    }
    element.hidden = false;
    document.body.classList.add("has-triage-banner");
    fitBelowBanner();
  }

  // The page and the open widget start below the banner, whatever its height.
  function fitBelowBanner() {
    var element = document.getElementById("triage-banner");
    var height = element.hidden ? 0 : element.offsetHeight;
    document.documentElement.style.setProperty("--banner-height", height + "px");
  }

  function showBanner(banner) {
    if (!banner || !LEVEL_RANK[banner.level]) return;
    var shown = readStoredBanner();
    // Levels never go down within a conversation: an emergency stays on screen.
    if (shown && LEVEL_RANK[shown.level] > LEVEL_RANK[banner.level]) return;
    window.sessionStorage.setItem(BANNER_KEY, JSON.stringify(banner));
    drawBanner(banner);
  }

  function readStoredBanner() {
    try {
      return JSON.parse(window.sessionStorage.getItem(BANNER_KEY));
    } catch (error) {
      return null;
    }
  }

  function onBotUttered(message) {
    var custom = message && message.custom;
    if (custom && custom.type === "triage_banner") showBanner(custom);
  }

  // --- Accessibility of the widget's own elements ----------------------------
  var LABELS = [
    [".rw-launcher", "aria-label", "Open the recovery assistant chat"],
    [".rw-close-button", "aria-label", "Close the chat"],
    [".rw-new-message", "aria-label", "Your message"],
    [".rw-send", "aria-label", "Send"],
    [".rw-messages-container", "role", "log"],
    [".rw-messages-container", "aria-label", "Conversation with the recovery assistant"],
    [".rw-messages-container", "aria-live", "polite"],
    // Focusable, so the conversation can be scrolled back by keyboard.
    [".rw-messages-container", "tabindex", "0"],
    [".rw-conversation-container", "role", "dialog"],
    [".rw-conversation-container", "aria-label", "Recovery assistant chat"]
  ];

  function patchAccessibility(root) {
    LABELS.forEach(function (rule) {
      root.querySelectorAll(rule[0]).forEach(function (element) {
        if (element.getAttribute(rule[1]) !== rule[2]) element.setAttribute(rule[1], rule[2]);
      });
    });
    // Reply buttons are <div>s with a click handler: make them real buttons for
    // keyboards and screen readers.
    root.querySelectorAll(".rw-reply").forEach(function (reply) {
      if (reply.getAttribute("role") === "button") return;
      reply.setAttribute("role", "button");
      reply.setAttribute("tabindex", "0");
      reply.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          reply.click();
        }
      });
    });
  }

  function watchWidget() {
    patchAccessibility(document);
    new MutationObserver(function () {
      patchAccessibility(document);
    }).observe(document.body, { childList: true, subtree: true });
  }

  // --- Start ----------------------------------------------------------------
  function openChat() {
    var launcher = document.querySelector(".rw-launcher");
    if (launcher && !document.querySelector(".rw-conversation-container")) launcher.click();
    var input = document.querySelector(".rw-new-message");
    if (input) input.focus();
  }

  function start() {
    var stored = readStoredBanner();
    if (stored) drawBanner(stored);
    watchWidget();
    window.addEventListener("resize", fitBelowBanner);
    document.getElementById("open-chat").addEventListener("click", function () {
      openChat();
      window.setTimeout(openChat, 300);
    });
    window.WebChat.default(
      {
        socketUrl: config.socketUrl,
        socketPath: "/socket.io/",
        initPayload: "/greet",
        customData: { language: "en" },
        title: "Recovery assistant",
        subtitle: config.clinicName,
        inputTextFieldHint: "Type your message",
        connectingText: "Connecting...",
        hideWhenNotConnected: false,
        // rasa-webchat holds each reply back up to 3 s to look like typing; urgent
        // advice should not wait. A short pause keeps the replies readable in turn.
        customMessageDelay: function () {
          return 300;
        },
        withRules: false,
        params: { storage: "session" },
        onSocketEvent: { bot_uttered: onBotUttered }
      },
      null
    );
  }

  start();
})();
