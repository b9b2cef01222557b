/* agents-ui/tui.c - the ncurses screens: the agent console and the supervisor wall.
 *
 * Legible at 80x24 and in monochrome: every urgent element also carries a word or
 * a marker ("!!", "FAST", "[unacked]") and reverse/bold attributes, so colour
 * only adds emphasis. NO_COLOR (any non-empty value) turns colour off.
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
    const ui_call *c = n > 0 ? ui_state_call(s, v->selected < n ? v->selected : n - 1) : NULL;
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

static void draw_supervisor(const ui_state *s, const ui_view *v)
{
    char buf[512], t[16];
    uint32_t n = ui_state_n_calls(s);
    uint32_t live = 0;
    for (uint32_t i = 0; i < n; i++) {
        live += ui_state_call(s, i)->ended ? 0 : 1;
    }
    snprintf(buf, sizeof buf, "rapport  supervisor wall  team %s  %u live call%s",
             v->who != NULL ? v->who : "(all)", live, live == 1 ? "" : "s");
    header(v, buf);
    line(1, A_BOLD | A_UNDERLINE,
         "RISK       ! CALL           AGENT      TIME   SENT TREND   LEVEL OPEN CUES");
    uint32_t ranked[UI_MAX_CALLS];
    uint32_t nr = ui_state_ranked(s, ranked, UI_MAX_CALLS);
    int rows = (LINES - 4) / 2;
    int y = 2;
    for (uint32_t i = 0; i < nr && y < 2 + rows; i++, y++) {
        const ui_call *c = ui_state_call(s, ranked[i]);
        float r = ui_call_risk(c);
        char bar[6] = ".....";
        for (int q = 0; q < 5 && (float)q < r * 5.0f - 0.001f; q++) {
            bar[q] = '#';
        }
        char cues[96] = "";
        size_t used = 0;
        for (uint32_t q = 0; q < c->n_cues && used < sizeof cues - 1; q++) {
            int w = snprintf(cues + used, sizeof cues - used, "%s%s", q ? " " : "",
                             cue_short(c->cues[q].cue));
            used += w > 0 ? (size_t)w : 0;
        }
        fmt_time(t, sizeof t, c->t_ms);
        char sent[8] = "   -";
        if (c->has_sentiment) {
            snprintf(sent, sizeof sent, "%+.2f", (double)c->sentiment);
        }
        snprintf(buf, sizeof buf, "%.2f %s %s %-14.14s %-10.10s %s %5s %-7s %-5s %s", (double)r,
                 bar, c->unacked > 0 ? "!" : " ", c->call, c->agent, t, sent,
                 c->ended ? "ended" : ui_trend_word(c), c->has_level ? level_short(c->level) : "-",
                 cues);
        attr_t a =
            c->ended ? A_DIM
                     : (r >= 0.6f ? A_BOLD | pair(PAIR_URGENT) : (r >= 0.3f ? pair(PAIR_WARN) : 0));
        line(y, a, buf);
    }
    if (nr == 0) {
        line(y++, A_DIM, " (no live calls)");
    }
    int ay = 2 + rows;
    rule(ay, " Alerts, newest first ");
    uint32_t na = ui_state_n_alerts(s);
    for (uint32_t i = 0; i < na && ay + 1 + (int)i < LINES - 1; i++) {
        const ui_alert *al = ui_state_alert(s, i);
        fmt_time(t, sizeof t, al->t_ms);
        char state[80];
        if (al->acked) {
            snprintf(state, sizeof state, "[acked by %s]", al->acked_by);
        } else {
            snprintf(state, sizeof state, "[unacked]");
        }
        snprintf(buf, sizeof buf, "%s %s %-14.14s %-10.10s %-5s %-16s %s%s%s%s",
                 i == v->selected ? ">" : " ", t, al->call, al->agent, level_short(al->level),
                 proto_reason_name(al->reason), state, al->quote[0] ? " \"" : "", al->quote,
                 al->quote[0] ? "\"" : "");
        attr_t a = al->acked ? A_DIM : (A_BOLD | pair(PAIR_URGENT));
        if (i == v->selected) {
            a |= A_REVERSE;
        }
        line(ay + 1 + (int)i, a, buf);
    }
    if (na == 0) {
        line(ay + 1, A_DIM, " (no alerts)");
    }
    footer(s, v, "q quit  up/down select  a acknowledge");
}

void ui_tui_draw(const ui_state *s, const ui_view *v)
{
    erase();
    if (v->role == UI_ROLE_AGENT) {
        draw_agent(s, v);
    } else {
        draw_supervisor(s, v);
    }
    refresh();
}
