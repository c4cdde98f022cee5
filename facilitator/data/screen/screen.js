// The session screen: the same events as the session's event log, shown as they arrive.
// No framework and nothing from elsewhere: the page must work on a machine without a network.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const MAX_CAPTIONS = 400; // older captions are dropped from the page, not from the record
  const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");

  const view = {
    names: [],
    stages: {},
    textSizes: [100, 400],
    seq: 0, // the last event shown: a reconnect must not show one twice
    live: false, // false while catching up on the history: nothing is read out then
    ended: false,
    paused: false,
    safety: false,
    state: "starting",
    listening: null, // {partner, role} of the last listen
    promptFresh: true, // the next thing said starts a new prompt
    feedbackNext: false, // the next thing said is the feedback on a mirror
    hello: false,
  };

  // ------------------------------------------------------------------ helpers

  function partnerKey(name) {
    const k = view.names.indexOf(name);
    return k === 0 ? "a" : k === 1 ? "b" : "either";
  }

  function who(name) {
    return name || "One of you";
  }

  function mark(el, e) {
    el.dataset.seq = String(e.seq);
  }

  function setState(name, text, e) {
    view.state = name;
    const el = $("state");
    el.dataset.state = name;
    $("state-text").textContent = text;
    if (e) mark(el, e);
  }

  function roleWords(role) {
    return { sender: "sender", receiver: "receiver", partner: "appreciation" }[role] || role;
  }

  // ------------------------------------------------------------------ captions

  function addCaption(kind, name, text, e) {
    const li = document.createElement("li");
    li.className = kind === "note" ? "caption note" : "caption";
    li.dataset.who = kind === "facilitator" ? "facilitator" : partnerKey(name);
    if (kind !== "note") {
      const w = document.createElement("span");
      w.className = "who";
      w.textContent = kind === "facilitator" ? "Facilitator" : who(name);
      li.appendChild(w);
    }
    const words = document.createElement("span");
    words.className = "words";
    words.textContent = text;
    li.appendChild(words);
    mark(li, e);
    const list = $("captions");
    list.appendChild(li);
    while (list.children.length > MAX_CAPTIONS) list.removeChild(list.firstChild);
    scrollCaptions();
  }

  function showLive(name, text, e) {
    const live = $("live-caption");
    live.dataset.who = partnerKey(name);
    $("live-who").textContent = who(name);
    $("live-words").textContent = text;
    live.hidden = false;
    mark(live, e);
    scrollCaptions();
  }

  function hideLive() {
    $("live-caption").hidden = true;
    $("live-words").textContent = "";
  }

  function scrollCaptions() {
    const box = $("caption-scroll");
    if (view.live && !reducedMotion.matches) {
      box.scrollTo({ top: box.scrollHeight, behavior: "smooth" });
    } else {
      box.scrollTop = box.scrollHeight;
    }
  }

  // ------------------------------------------------------------------ alerts

  function showAlert(lines, e) {
    const box = $("alert");
    box.replaceChildren(...lines.map((line) => {
      const p = document.createElement("p");
      p.textContent = line;
      return p;
    }));
    box.hidden = false;
    mark(box, e);
  }

  function hideAlert() {
    $("alert").hidden = true;
    $("alert").replaceChildren();
  }

  function setPaused(paused) {
    view.paused = paused;
    const button = $("pause");
    button.dataset.command = paused ? "resume" : "pause";
    button.textContent = paused ? "Resume" : "Pause";
  }

  // ------------------------------------------------------------------ events

  const handlers = {
    stage(e) {
      const label = view.stages[e.name] || e.name;
      $("stage").textContent = label;
      mark($("stage"), e);
      $("roles").textContent = `Sender: ${e.sender} · Receiver: ${e.receiver}`;
    },

    say(e) {
      setState("speaking", "Facilitator speaking", e);
      const prompt = $("prompt");
      if (view.promptFresh) prompt.replaceChildren();
      view.promptFresh = false;
      const p = document.createElement("p");
      p.textContent = e.text;
      if (view.feedbackNext) {
        // The kind words about a mirror, exactly as spoken, set apart from the prompt.
        const box = document.createElement("div");
        box.className = "feedback";
        const label = document.createElement("h3");
        label.className = "label";
        label.textContent = "About the mirror";
        box.append(label, p);
        prompt.appendChild(box);
        view.feedbackNext = false;
      } else {
        prompt.appendChild(p);
      }
      mark(prompt, e);
      if (view.safety) {
        showAlert([e.text, "Press Resume, or say \u201cresume\u201d, when you are both ready."], e);
        view.safety = false;
        view.safetyShown = true;
      }
      addCaption("facilitator", null, e.text, e);
    },

    listen(e) {
      view.listening = { partner: e.partner, role: e.role };
      view.promptFresh = true;
      hideLive();
      const paused = e.role === "either";
      setPaused(paused);
      if (paused) {
        setState("paused", "Paused", e);
        $("turn").textContent = "Either of you can say \u201cresume\u201d or press Resume.";
        if (!view.safetyShown) {
          showAlert(["Paused.", "Press Resume, or say \u201cresume\u201d, to go on."], e);
        }
      } else {
        view.safetyShown = false;
        hideAlert();
        setState("listening", `Listening to ${e.partner}`, e);
        $("turn").textContent = `${e.partner}\u2019s turn (${roleWords(e.role)})`;
      }
      mark($("turn"), e);
    },

    state(e) {
      const name = who(e.partner);
      if (e.state === "hearing") {
        setState("hearing", `Hearing ${name}\u2026`, e);
        showLive(e.partner, "", e);
      } else if (e.state === "deciding") {
        setState("deciding", "Deciding\u2026", e);
      } else if (e.state === "listening") {
        hideLive();
        setState("listening", `Listening to ${name}`, e);
      } else if (e.state === "paused") {
        setPaused(true);
        setState("paused", "Paused", e);
      }
    },

    partial(e) {
      showLive(e.partner, e.text, e);
    },

    heard(e) {
      hideLive();
      addCaption("partner", e.partner, e.text, e);
      setState("deciding", "Deciding\u2026", e);
    },

    mirror_check() {
      view.feedbackNext = true; // the kind words said next are the feedback
    },

    coach(e) {
      if (e.kind === "safety") view.safety = true;
    },

    command(e) {
      const words = {
        repeat: "say that again", slower: "slower", faster: "faster", louder: "louder",
        quieter: "quieter", voice: "change voice", pause: "pause", resume: "resume",
        help: "what do I do now", skip: "skip", back: "go back", stop: "stop",
      };
      addCaption("note", null, `Command: ${words[e.name] || e.name}`, e);
      $("sent").textContent = "";
    },

    setup(e) {
      // The names are settled by voice before the dialogue: whose turn is shown by them.
      if (e.step === "begin" && Array.isArray(e.names)) view.names = e.names;
    },

    end(e) {
      view.ended = true;
      hideLive();
      setState("ended", "Session ended", e);
      $("turn").textContent = "";
      const why = e.reason === "complete" ? "" : ` (${e.reason})`;
      showAlert([`The session has ended${why}.`, "You can close this page."], e);
      for (const el of document.querySelectorAll("button[data-command], #send, #typed")) {
        el.disabled = true;
      }
      $("sent").textContent = "";
    },
  };

  function handle(e) {
    if (typeof e.seq !== "number" || e.seq <= view.seq) return;
    view.seq = e.seq;
    const handler = handlers[e.event];
    if (handler) handler(e);
  }

  // ------------------------------------------------------------------ the stream

  function connect() {
    const source = new EventSource("events");
    source.addEventListener("hello", (m) => {
      const hello = JSON.parse(m.data);
      view.names = hello.names || [];
      view.stages = hello.stages || {};
      view.textSizes = hello.text_sizes || view.textSizes;
      if (!view.hello) {
        view.hello = true;
        applyLook(stored("screen_text_size", hello.screen_text_size),
                  stored("screen_theme", hello.screen_theme));
      }
      // Catching up (a reload, a second screen, a reconnect): not read out again.
      view.live = false;
      $("caption-log").setAttribute("aria-live", "off");
      if (view.state === "starting") setState("starting", "Waiting for the session\u2026");
    });
    source.addEventListener("ready", () => {
      view.live = true;
      $("caption-log").setAttribute("aria-live", "polite");
    });
    source.onmessage = (m) => handle(JSON.parse(m.data));
    source.onerror = () => {
      if (view.ended) {
        source.close(); // the session is over: nothing more will come
        return;
      }
      $("sent").textContent = "The connection to the session was lost; trying again\u2026";
    };
    source.onopen = () => {
      if ($("sent").textContent.startsWith("The connection")) $("sent").textContent = "";
    };
  }

  // ------------------------------------------------------------------ controls

  async function post(path, body) {
    try {
      const reply = await fetch(path, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      const data = await reply.json().catch(() => ({}));
      return { ok: reply.ok, message: data.message || "" };
    } catch (err) {
      return { ok: false, message: "the session is not reachable" };
    }
  }

  const LABELS = {
    repeat: "Say that again", slower: "Slower", faster: "Faster", louder: "Louder",
    quieter: "Quieter", pause: "Pause", resume: "Resume", skip: "Skip", back: "Go back",
    help: "What do I do now?", stop: "Stop",
  };
  let stopArmed = null;

  async function command(button) {
    const name = button.dataset.command;
    if (name === "stop" && !stopArmed) {
      // One stray press must not end a conversation: a second press within a few seconds.
      button.classList.add("armed");
      button.textContent = "Press again to stop";
      $("sent").textContent = "Press Stop again to end the session. It will be saved.";
      stopArmed = setTimeout(disarmStop, 6000);
      return;
    }
    if (name === "stop") disarmStop();
    const result = await post("command", { name });
    if (!result.ok) {
      $("sent").textContent = `Not sent: ${result.message}.`;
      return;
    }
    const when = view.state === "speaking"
      ? " It is taken as soon as the facilitator finishes speaking." : "";
    $("sent").textContent = `Sent: ${LABELS[name] || name}.${when}`;
  }

  function disarmStop() {
    clearTimeout(stopArmed);
    stopArmed = null;
    const stop = $("stop");
    stop.classList.remove("armed");
    stop.textContent = "Stop";
    if ($("sent").textContent.startsWith("Press Stop")) $("sent").textContent = "";
  }

  async function sendTyped(event) {
    event.preventDefault();
    const box = $("typed");
    const text = box.value.trim();
    if (!text) {
      $("sent").textContent = "Type something first.";
      box.focus();
      return;
    }
    const result = await post("turn", { text });
    if (result.ok) {
      box.value = "";
      $("sent").textContent = "Sent your words.";
    } else {
      $("sent").textContent = `Not sent: ${result.message}.`;
    }
  }

  // ------------------------------------------------------------------ the look

  function stored(name, fallback) {
    try {
      const value = sessionStorage.getItem(name);
      if (value === null) return fallback;
      return name === "screen_text_size" ? Number(value) : value;
    } catch (err) {
      return fallback; // storage turned off: the session's setting is used
    }
  }

  function applyLook(size, theme) {
    const [low, high] = view.textSizes;
    size = Math.min(high, Math.max(low, Math.round(Number(size) || 100)));
    document.documentElement.style.setProperty("--text-scale", String(size / 100));
    $("size").textContent = `Text ${size} %`;
    $("smaller").disabled = size <= low;
    $("larger").disabled = size >= high;
    view.size = size;
    if (!["auto", "light", "dark", "contrast"].includes(theme)) theme = "auto";
    document.documentElement.dataset.theme = theme;
    $("theme").value = theme;
    view.theme = theme;
  }

  // Remembered in the settings file, so the next session's page starts this way. One
  // request at a time, and only the latest choice: sent together, a quick series of presses
  // could arrive out of order and leave an earlier size remembered.
  let wanted = null;
  let saving = false;

  async function remember() {
    if (saving) return; // the running loop sends what is wanted now when it gets there
    saving = true;
    while (wanted) {
      const now = wanted;
      wanted = null;
      for (const [name, value] of Object.entries(now)) {
        await post("setting", { name, value });
      }
    }
    saving = false;
  }

  function changeLook(size, theme) {
    applyLook(size, theme);
    try {
      sessionStorage.setItem("screen_text_size", String(view.size));
      sessionStorage.setItem("screen_theme", view.theme);
    } catch (err) {
      // storage turned off: the look still changes for this page
    }
    wanted = { screen_text_size: view.size, screen_theme: view.theme };
    remember();
  }

  // ------------------------------------------------------------------ start

  for (const button of document.querySelectorAll("button[data-command]")) {
    button.addEventListener("click", () => command(button));
  }
  $("typing").addEventListener("submit", sendTyped);
  $("typed").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $("typing").requestSubmit();
    }
  });
  $("smaller").addEventListener("click", () => changeLook((view.size || 100) - 25, view.theme));
  $("larger").addEventListener("click", () => changeLook((view.size || 100) + 25, view.theme));
  $("theme").addEventListener("change", () => changeLook(view.size, $("theme").value));
  connect();
})();
