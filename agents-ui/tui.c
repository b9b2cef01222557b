/* agents-ui/tui.c - the ncurses screens: the agent console, the supervisor wall
 * and one call's timeline (the wall's drill-down).
 *
 * Legible at 80x24 and in monochrome: every urgent element also carries a word or
 * a marker ("!!", "FAST", "[unacked]", ">" for the selection) and reverse/bold
 * attributes, so colour only adds emphasis. NO_COLOR (any non-empty value) turns
 * colour off.
 */
#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "agents-ui/view.h"

enum { PAIR_URGENT = 1, PAIR_WARN = 2, PAIR_OK = 3, PAIR_INFO = 4 };

static bool use_color;
static bool use_utf8;

void ui_tui_begin(void)
{
    setlocale(LC_ALL, "");
    const char *cs = nl_langinfo(CODESET);
    use_utf8 = cs != NULL && strcmp(cs, "UTF-8") == 0;
    initscr();
    cbreak();
    noecho();
    keypad(stdscr, TRUE);
    nodelay(stdscr, TRUE);
    /* Esc closes the timeline: wait 25 ms, not ncurses' default second, to tell a
     * lone Esc from the start of an arrow key's escape sequence */
    set_escdelay(25);
    curs_set(0);
    const char *no_color = getenv("NO_COLOR");
    use_color = has_colors() && (no_color == NULL || no_color[0] == '\0');
    if (use_color) {
        start_color();
        use_default_colors();
        init_pair(PAIR_URGENT, COLOR_RED, -1);
        init_pair(PAIR_WARN, COLOR_YELLOW, -1);
        init_pair(PAIR_OK, COLOR_GREEN, -1);
        init_pair(PAIR_INFO, COLOR_CYAN, -1);
    }
}

void ui_tui_end(void)
{
    endwin();
}

static attr_t pair(short p)
{
    return use_color ? (attr_t)COLOR_PAIR(p) : 0;
}

static void fmt_time(char *buf, size_t cap, uint32_t ms)
{
    snprintf(buf, cap, "%02u:%02u", ms / 60000, (ms / 1000) % 60);
}

/* One line at row y, clipped to the screen width, with attributes. */
static void line(int y, attr_t attr, const char *text)
{
    if (y < 0 || y >= LINES) {
        return;
    }
    attron(attr);
    mvaddnstr(y, 0, text, COLS);
    attroff(attr);
}

static void rule(int y, const char *title)
{
    if (y < 0 || y >= LINES) {
        return;
    }
    mvhline(y, 0, ACS_HLINE, COLS);
    if (title != NULL) {
        mvaddnstr(y, 2, title, COLS - 4);
    }
}

static const char *cue_label(proto_cue_kind k)
{
    static const char *const labels[PROTO_CUE_COUNT] = {
        "You are speaking fast", "You are speaking slowly",
        "Long monologue",        "Extended silence",
        "Slow to respond",       "Talking over the customer",
        "Customer sounds tense", "Customer sentiment negative",
        "Escalation intent",     "Sensitive topic",
        "Possible sarcasm",      "Digital frustration",
    };
    return (unsigned)k < PROTO_CUE_COUNT ? labels[k] : "?";
}

static const char *cue_short(proto_cue_kind k)
{
    static const char *const names[PROTO_CUE_COUNT] = {
        "fast",    "slow",     "monologue", "silence",   "slow-reply", "interrupt",
        "TENSION", "NEGATIVE", "ESCALATE",  "SENSITIVE", "sarcasm",    "digital",
    };
    return (unsigned)k < PROTO_CUE_COUNT ? names[k] : "?";
}

static const char *level_short(proto_esc_level l)
{
    static const char *const names[PROTO_LEVEL_COUNT] = {"SUPV", "HANDO", "PRIO"};
    return (unsigned)l < PROTO_LEVEL_COUNT ? names[l] : "?";
}

static void header(const ui_view *v, const char *left)
{
    char right[64];
    snprintf(right, sizeof right, "[%s]", v->conn);
    line(0, A_BOLD, left);
    int x = COLS - (int)strlen(right);
    attr_t a = strcmp(v->conn, "LIVE") == 0 ? pair(PAIR_OK) : (A_REVERSE | pair(PAIR_WARN));
    if (x > (int)strlen(left)) {
        attron(a | A_BOLD);
        mvaddstr(0, x, right);
        attroff(a | A_BOLD);
    }
}

static void footer(const ui_state *s, const ui_view *v, const char *keys)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s   seq %llu  gaps %llu%s%s", keys,
             (unsigned long long)ui_state_last_seq(s), (unsigned long long)ui_state_gaps(s),
             v->status != NULL ? "  " : "", v->status != NULL ? v->status : "");
    line(LINES - 1, A_DIM, buf);
}

/* Pace gauge: 0.5x .. 1.5x of the agent's own baseline over width cells. */
static void pace_gauge(int y, const ui_call *c)
{
    char buf[128];
    enum { W = 25 };
    char bar[W + 1];
    memset(bar, '-', W);
    bar[W] = '\0';
    bar[W / 2] = '|';
    const char *word = "no speech yet";
    attr_t a = 0;
    if (c->has_rate_rel) {
        float r = c->rate_rel;
        int pos = (int)((r - 0.5f) * (float)(W - 1) + 0.5f);
        pos = pos < 0 ? 0 : (pos > W - 1 ? W - 1 : pos);
        bar[pos] = '#';
        if (r > 1.15f) {
            word = "FAST - slow down";
            a = A_BOLD | pair(PAIR_WARN);
        } else if (r < 0.85f) {
            word = "SLOW";
            a = A_BOLD | pair(PAIR_WARN);
        } else {
            word = "usual pace";
            a = pair(PAIR_OK);
        }
        snprintf(buf, sizeof buf, "Pace       slow [%s] fast  %.2fx  ", bar, (double)r);
    } else if (c->has_artic) {
        snprintf(buf, sizeof buf, "Pace       slow [%s] fast  %.1f syll/s  ", bar,
                 (double)c->artic_sps);
        word = "learning baseline";
    } else {
        snprintf(buf, sizeof buf, "Pace       slow [%s] fast    -    ", bar);
    }
    line(y, 0, buf);
    attron(a);
    addnstr(word, COLS - (int)strlen(buf) > 0 ? COLS - (int)strlen(buf) : 0);
    attroff(a);
}

static void talk_gauge(int y, const ui_call *c)
{
    enum { W = 30 };
    char bar[W + 1];
    int n = (int)(c->talk_ratio * (float)W + 0.5f);
    n = n < 0 ? 0 : (n > W ? W : n);
    for (int i = 0; i < W; i++) {
        bar[i] = i < n ? '#' : '.';
    }
    bar[W] = '\0';
    char buf[128];
    snprintf(buf, sizeof buf, "Talk       you %3.0f%% [%s] customer %3.0f%%",
             100.0 * (double)c->talk_ratio, bar, 100.0 - 100.0 * (double)c->talk_ratio);
    line(y, c->talk_ratio > 0.7f ? A_BOLD | pair(PAIR_WARN) : 0, buf);
}

static void spark(int y, const char *label, const ui_call *c)
{
    static const char *const blocks[8] = {"\u2581", "\u2582", "\u2583", "\u2584",
                                          "\u2585", "\u2586", "\u2587", "\u2588"};
    static const char ascii[8] = {'_', '_', '.', '-', '-', '=', '^', '^'};
    line(y, 0, label);
    move(y, (int)strlen(label));
    for (uint32_t i = 0; i < c->n_spark; i++) {
        int k = (int)((c->spark[i] + 1.0f) * 4.0f);
        k = k < 0 ? 0 : (k > 7 ? 7 : k);
        attr_t a =
            c->spark[i] < -0.2f ? pair(PAIR_URGENT) : (c->spark[i] > 0.2f ? pair(PAIR_OK) : 0);
        attron(a);
        if (use_utf8) {
            addstr(blocks[k]);
        } else {
            addch((chtype)(unsigned char)ascii[k]);
        }
        attroff(a);
    }
    char buf[64];
    if (c->has_sentiment) {
        snprintf(buf, sizeof buf, "  %+.2f %s", (double)c->sentiment, ui_trend_word(c));
    } else {
        snprintf(buf, sizeof buf, "  no customer text yet");
    }
    addnstr(buf, 40);
}

/* "emotion analysis: ..." at row y, column x: the consent indicator (EU AI Act
 * art. 50(3)); ON is bold, so it stands out without colour too. */
static void consent_indicator(int y, int x, const ui_call *c)
{
    if (y < 0 || y >= LINES || x >= COLS) {
        return;
    }
    const char *words = ui_consent_words(c->has_consent, &c->consent);
    mvaddnstr(y, x, "emotion analysis: ", COLS - x);
    attr_t a = ui_call_emotion_on(c) ? A_BOLD | pair(PAIR_INFO) : (c->has_consent ? 0 : A_DIM);
    attron(a);
    addnstr(words, COLS - x - 18 > 0 ? COLS - x - 18 : 0);
    attroff(a);
}

static bool has_cue(const ui_call *c, proto_cue_kind k)
{
    for (uint32_t i = 0; i < c->n_cues; i++) {
        if (c->cues[i].cue == k) {
            return true;
        }
    }
    return false;
}

static void draw_agent(const ui_state *s, const ui_view *v)
{
    char buf[512], t[16];
    uint32_t n = ui_state_n_calls(s);
    uint32_t sel = v->nav->agent_call;
    const ui_call *c = n > 0 ? ui_state_call(s, sel < n ? sel : n - 1) : NULL;
    if (c == NULL) {
        snprintf(buf, sizeof buf, "rapport  agent %s", v->who != NULL ? v->who : "-");
        header(v, buf);
        rule(1, NULL);
        line(3, 0, "No live call. Waiting for the next one...");
        footer(s, v, "q quit");
        return;
    }
    fmt_time(t, sizeof t, c->t_ms);
    snprintf(buf, sizeof buf, "rapport  agent %s  call %s  %s%s%s", c->agent, c->call, t,
             c->ended ? "  (ended)" : "", c->on_hold ? "  ON HOLD" : "");
    header(v, buf);
    rule(1, NULL);
    mvaddch(1, 2, ' ');
    consent_indicator(1, 3, c);
    addch(' ');
    int y = 2;
    /* banners: escalation, sensitive topic, then the other open cues by priority */
    if (c->has_escalation && !c->ended) {
        snprintf(buf, sizeof buf, " !! ESCALATION  %s: %s%s%s%s ", proto_level_name(c->esc_level),
                 proto_reason_name(c->esc_reason), c->esc_quote[0] ? "  \"" : "", c->esc_quote,
                 c->esc_quote[0] ? "\"" : "");
        line(y++, A_REVERSE | A_BOLD | pair(PAIR_URGENT), buf);
    }
    if (has_cue(c, PROTO_CUE_SENSITIVE_TOPIC)) {
        line(y++, A_REVERSE | A_BOLD | pair(PAIR_WARN),
             " !! SENSITIVE TOPIC  stay with the customer: empathy checklist below ");
    }
    uint32_t order[UI_MAX_CUES];
    uint32_t nc = 0;
    for (uint32_t i = 0; i < c->n_cues; i++) {
        if (c->cues[i].cue == PROTO_CUE_SENSITIVE_TOPIC) {
            continue;
        }
        uint32_t at = nc++;
        while (at > 0 && c->cues[order[at - 1]].priority > c->cues[i].priority) {
            order[at] = order[at - 1];
            at--;
        }
        order[at] = i;
    }
    int max_cues = LINES - 20 > 4 ? LINES - 20 : 4;
    for (uint32_t i = 0; i < nc && (int)i < max_cues; i++) {
        const ui_cue *q = &c->cues[order[i]];
        fmt_time(t, sizeof t, q->since_ms);
        snprintf(buf, sizeof buf, " >  %-28s since %s", cue_label(q->cue), t);
        line(y++, A_BOLD | pair(q->priority <= 2 ? PAIR_URGENT : PAIR_WARN), buf);
    }
    if (nc == 0 && !has_cue(c, PROTO_CUE_SENSITIVE_TOPIC) && !(c->has_escalation && !c->ended)) {
        line(y++, pair(PAIR_OK), " (no open cues)");
    }
    /* the current prompt, and the checklist while its cue is open */
    rule(y++, " Prompt ");
    if (c->prompt.active) {
        snprintf(buf, sizeof buf, " %s", c->prompt.text);
        line(y++, A_BOLD | pair(PAIR_INFO), buf);
    } else {
        line(y++, A_DIM, " -");
    }
    const ui_checklist *k = ui_call_checklist(c);
    for (uint32_t i = 0; k != NULL && i < k->n && y < LINES - 6; i++) {
        snprintf(buf, sizeof buf, "   [ ] %s", k->items[i]);
        line(y++, 0, buf);
    }
    /* measures, anchored to the bottom */
    int b = LINES - 6 > y ? LINES - 6 : y;
    rule(b, " Measures ");
    pace_gauge(b + 1, c);
    talk_gauge(b + 2, c);
    if (c->customer_spoke) {
        uint32_t ago = c->t_ms > c->customer_last_ms ? c->t_ms - c->customer_last_ms : 0;
        snprintf(buf, sizeof buf, "Customer   last spoke %.1f s ago    dead air %.1f s%s",
                 ago / 1000.0, c->dead_air_ms / 1000.0, c->on_hold ? "  (on hold)" : "");
        line(b + 3, ago > 30000 ? A_BOLD | pair(PAIR_WARN) : 0, buf);
    } else {
        snprintf(buf, sizeof buf, "Customer   not heard yet          dead air %.1f s",
                 c->dead_air_ms / 1000.0);
        line(b + 3, 0, buf);
    }
    spark(b + 4, "Sentiment  ", c);
    footer(s, v, n > 1 ? "q quit  tab next call" : "q quit");
}

/* The 5-cell risk bar of r (0..1). */
static void risk_bar(char bar[6], float r)
{
    memcpy(bar, ".....", 6);
    for (int q = 0; q < 5 && (float)q < r * 5.0f - 0.001f; q++) {
        bar[q] = '#';
    }
}

/* The open cues' short names, space-separated. */
static void cue_list(char *out, size_t cap, const ui_call *c)
{
    size_t used = 0;
    out[0] = '\0';
    for (uint32_t q = 0; q < c->n_cues && used < cap - 1; q++) {
        int w = snprintf(out + used, cap - used, "%s%s", q ? " " : "", cue_short(c->cues[q].cue));
        used += w > 0 ? (size_t)w : 0;
    }
}

static const char *emotion_short(const ui_call *c)
{
    return !c->has_consent ? "?" : (ui_call_emotion_on(c) ? "ON" : "off");
}

static void draw_supervisor(const ui_state *s, const ui_view *v)
{
    char buf[512], t[16];
    const ui_nav *nav = v->nav;
    bool on_calls = nav->focus == UI_FOCUS_CALLS;
    uint32_t n = ui_state_n_calls(s);
    uint32_t live = 0;
    for (uint32_t i = 0; i < n; i++) {
        live += ui_state_call(s, i)->ended ? 0 : 1;
    }
    snprintf(buf, sizeof buf, "rapport  supervisor wall  team %s  %u live call%s",
             v->who != NULL ? v->who : "(all)", live, live == 1 ? "" : "s");
    header(v, buf);
    line(1, A_BOLD | A_UNDERLINE,
         "  RISK       ! CALL         AGENT      TIME  SENT  TREND   LEVEL EMO OPEN CUES");
    uint32_t ranked[UI_MAX_CALLS];
    uint32_t nr = ui_state_ranked(s, ranked, UI_MAX_CALLS);
    uint32_t rows = (uint32_t)(LINES - 4) / 2;
    uint32_t sel = ui_nav_row(nav, s);
    /* scroll the list so that the selected call is on screen */
    uint32_t first = sel != UI_NAV_NONE_SELECTED && sel >= rows ? sel - rows + 1 : 0;
    int y = 2;
    for (uint32_t i = first; i < nr && i < first + rows; i++, y++) {
        const ui_call *c = ui_state_call(s, ranked[i]);
        float r = ui_call_risk(c);
        char bar[6], cues[96];
        risk_bar(bar, r);
        cue_list(cues, sizeof cues, c);
        fmt_time(t, sizeof t, c->t_ms);
        char sent[8] = "   -";
        if (c->has_sentiment) {
            snprintf(sent, sizeof sent, "%+.2f", (double)c->sentiment);
        }
        snprintf(buf, sizeof buf, "%s %.2f %s %s %-12.12s %-10.10s %s %5s %-7s %-5s %-3s %s",
                 i == sel ? ">" : " ", (double)r, bar, c->unacked > 0 ? "!" : " ", c->call,
                 c->agent, t, sent, c->ended ? "ended" : ui_trend_word(c),
                 c->has_level ? level_short(c->level) : "-", emotion_short(c), cues);
        attr_t a =
            c->ended ? A_DIM
                     : (r >= 0.6f ? A_BOLD | pair(PAIR_URGENT) : (r >= 0.3f ? pair(PAIR_WARN) : 0));
        if (i == sel && on_calls) {
            a |= A_REVERSE;
        }
        line(y, a, buf);
    }
    if (nr == 0) {
        line(y++, A_DIM, " (no live calls)");
    }
    int ay = 2 + (int)rows;
    rule(ay, on_calls ? " Alerts, newest first (tab: select) " : " Alerts, newest first ");
    uint32_t na = ui_state_n_alerts(s);
    uint32_t arows = LINES - 2 - ay > 0 ? (uint32_t)(LINES - 2 - ay) : 0;
    uint32_t afirst = !on_calls && arows > 0 && nav->alert >= arows ? nav->alert - arows + 1 : 0;
    for (uint32_t i = afirst; i < na && i < afirst + arows; i++) {
        const ui_alert *al = ui_state_alert(s, i);
        bool selected = !on_calls && i == nav->alert;
        fmt_time(t, sizeof t, al->t_ms);
        char state[80];
        if (al->acked) {
            snprintf(state, sizeof state, "[acked by %s]", al->acked_by);
        } else {
            snprintf(state, sizeof state, "[unacked]");
        }
        snprintf(buf, sizeof buf, "%s %s %-14.14s %-10.10s %-5s %-16s %s%s%s%s",
                 selected ? ">" : " ", t, al->call, al->agent, level_short(al->level),
                 proto_reason_name(al->reason), state, al->quote[0] ? " \"" : "", al->quote,
                 al->quote[0] ? "\"" : "");
        attr_t a = al->acked ? A_DIM : (A_BOLD | pair(PAIR_URGENT));
        if (selected) {
            a |= A_REVERSE;
        }
        line(ay + 1 + (int)(i - afirst), a, buf);
    }
    if (na == 0) {
        line(ay + 1, A_DIM, " (no alerts)");
    }
    footer(s, v,
           on_calls ? "q quit  j/k move  enter timeline  tab alerts  a ack"
                    : "q quit  j/k move  enter timeline  tab calls  a ack");
}

/* Rows above the timeline's entries: 5 of header, 1 rule; 1 footer below. */
#define TIMELINE_TOP 6

uint32_t ui_tui_timeline_rows(void)
{
    return LINES > TIMELINE_TOP + 2 ? (uint32_t)(LINES - TIMELINE_TOP - 1) : 1u;
}

/* One timeline entry as a line; its attributes in *attr. */
static void event_line(char *buf, size_t cap, const ui_event *e, attr_t *attr)
{
    char t[16];
    snprintf(t, sizeof t, "%02u:%02u.%01u", e->t_ms / 60000, (e->t_ms / 1000) % 60,
             (e->t_ms % 1000) / 100);
    const char *q1 = e->text[0] ? "  \"" : "", *q2 = e->text[0] ? "\"" : "";
    *attr = 0;
    switch (e->kind) {
    case UI_EV_CUE_OPEN:
        snprintf(buf, cap, "%s  cue open    %s%s%s%s", t, cue_label(e->cue), q1, e->text, q2);
        *attr = e->priority <= 2 ? A_BOLD | pair(PAIR_WARN) : 0;
        break;
    case UI_EV_CUE_CLOSE:
        snprintf(buf, cap, "%s  cue closed  %s%s%s%s", t, cue_label(e->cue), q1, e->text, q2);
        *attr = A_DIM;
        break;
    case UI_EV_PROMPT:
        snprintf(buf, cap, "%s  prompt      %s", t, e->text);
        *attr = pair(PAIR_INFO);
        break;
    case UI_EV_ESCALATION:
        snprintf(buf, cap, "%s  !! ESCALATION %s: %s (alert %u)%s%s%s", t,
                 proto_level_name(e->level), proto_reason_name(e->reason), e->id, q1, e->text, q2);
        *attr = A_BOLD | pair(PAIR_URGENT);
        break;
    case UI_EV_ACK:
        snprintf(buf, cap, "%s  ack         alert %u acknowledged by %s", t, e->id, e->text);
        break;
    case UI_EV_CONSENT: {
        proto_consent_flags k = {0, e->voice_emotion, e->text_emotion};
        snprintf(buf, cap, "%s  consent     emotion analysis %s", t, ui_consent_words(true, &k));
        *attr = A_BOLD;
        break;
    }
    case UI_EV_SUMMARY:
        snprintf(buf, cap, "%s  call ended  %.1f s, %u cues, %u escalations", t, e->t_ms / 1000.0,
                 e->n_cues, e->n_escalations);
        *attr = A_BOLD;
        break;
    case UI_EV_RESYNC:
        snprintf(buf, cap, "%s  -- %s --", t,
                 e->joined ? "joined mid-call: the state from a snapshot, earlier events not seen"
                           : "resynchronised: the state from a snapshot, events may be missing");
        *attr = A_REVERSE;
        break;
    default:
        snprintf(buf, cap, "%s  ?", t);
        break;
    }
}

static void draw_timeline(const ui_state *s, const ui_view *v, const ui_call *c)
{
    char buf[512], t[16];
    snprintf(buf, sizeof buf, "rapport  call %s  agent %s  team %s%s", c->call, c->agent, c->team,
             c->ended ? "  (ended)" : "");
    header(v, buf);
    fmt_time(t, sizeof t, c->t_ms);
    float r = ui_call_risk(c);
    char bar[6];
    risk_bar(bar, r);
    snprintf(buf, sizeof buf, "%s  queue %s  call time %s  risk %.2f %s  level %s%s%s",
             !c->has_medium ? "medium -" : (c->medium == PROTO_CHAT ? "chat" : "voice"),
             c->queue[0] ? c->queue : "-", t, (double)r, bar,
             c->has_level ? proto_level_name(c->level) : "-", c->unacked > 0 ? "  ! unacked" : "",
             c->on_hold ? "  ON HOLD" : "");
    line(1, 0, buf);
    consent_indicator(2, 0, c);
    char cues[96];
    cue_list(cues, sizeof cues, c);
    snprintf(buf, sizeof buf, "Open cues  %s", c->n_cues > 0 ? cues : "none");
    line(3, c->n_cues > 0 ? A_BOLD : 0, buf);
    spark(4, "Sentiment  ", c);

    const ui_nav *nav = v->nav;
    uint32_t n = ui_call_n_events(c);
    uint32_t rows = ui_tui_timeline_rows();
    uint32_t scroll = nav->scroll;
    uint32_t max = n > rows ? n - rows : 0;
    scroll = scroll > max ? max : scroll;
    /* newest at the bottom: show [end - rows, end) */
    uint32_t end = n - scroll;
    uint32_t first = end > rows ? end - rows : 0;
    char title[96];
    if (first > 0 || c->n_events_dropped > 0) {
        snprintf(title, sizeof title, " Timeline, call time (%llu earlier) ",
                 (unsigned long long)(first + c->n_events_dropped));
    } else {
        snprintf(title, sizeof title, " Timeline, call time ");
    }
    rule(TIMELINE_TOP - 1, title);
    int y = TIMELINE_TOP;
    for (uint32_t i = first; i < end; i++, y++) {
        attr_t a;
        event_line(buf, sizeof buf, ui_call_event(c, i), &a);
        line(y, a, buf);
    }
    if (n == 0) {
        line(y, A_DIM, " (nothing seen yet)");
    }
    footer(s, v,
           scroll > 0 ? "esc back  j/k scroll (newer below)  a ack" : "esc back  k scroll  a ack");
}

void ui_tui_draw(const ui_state *s, const ui_view *v)
{
    erase();
    const ui_call *detail = ui_nav_detail(v->nav, s);
    if (v->role == UI_ROLE_AGENT) {
        draw_agent(s, v);
    } else if (detail != NULL) {
        draw_timeline(s, v, detail);
    } else {
        draw_supervisor(s, v);
    }
    refresh();
}
