/* agents-ui/plain.c - the consoles' --plain output: one line per visible change. */
#include <stdio.h>
#include <string.h>

#include "agents-ui/view.h"

static void put_time(FILE *out, uint32_t ms)
{
    fprintf(out, "%02u:%02u.%01u  ", ms / 60000, (ms / 1000) % 60, (ms % 1000) / 100);
}

static const char *who_name(proto_who w)
{
    static const char *const names[] = {"agent", "customer", "both"};
    return (unsigned)w < PROTO_WHO_COUNT ? names[w] : "?";
}

/* Whether a change concerns the call named only (NULL: every call). Snapshots,
 * gaps and restarts concern every call. */
static bool about(const ui_change *ch, const proto_msg *m, const char *only)
{
    if (only == NULL) {
        return true;
    }
    if (ch->call != NULL) {
        return strcmp(ch->call->call, only) == 0;
    }
    if (ch->kind == UI_CH_ACK) {
        return proto_str_eq(m->u.ack.call, only);
    }
    return true;
}

static void print_event(FILE *out, const char *only, const ui_change *ch, const proto_msg *m)
{
    const ui_call *c = ch->call;
    if (!about(ch, m, only)) {
        return;
    }
    switch (ch->kind) {
    case UI_CH_SNAPSHOT:
        fprintf(out, "--:--.-  SNAPSHOT seq=%llu calls=%u\n",
                (unsigned long long)(m != NULL ? m->u.snapshot.seq : 0), ch->n);
        /* then each call as the snapshot left it, so a log shows the truth at once */
        for (uint32_t i = 0; i < ui_state_n_calls(ch->state); i++) {
            const ui_call *k = ui_state_call(ch->state, i);
            if (only != NULL && strcmp(k->call, only) != 0) {
                continue;
            }
            put_time(out, k->t_ms);
            fprintf(out, "%s  STATE agent=%s level=%s sentiment=", k->call, k->agent,
                    k->has_level ? proto_level_name(k->level) : "-");
            if (k->has_sentiment) {
                fprintf(out, "%.2f", (double)k->sentiment);
            } else {
                fputc('-', out);
            }
            fprintf(out, " emotion=%s cues=",
                    !k->has_consent         ? "-"
                    : ui_call_emotion_on(k) ? "on"
                                            : "off");
            for (uint32_t q = 0; q < k->n_cues; q++) {
                fprintf(out, "%s%s", q ? "," : "", proto_cue_name(k->cues[q].cue));
            }
            fprintf(out, "%s\n", k->n_cues == 0 ? "-" : "");
        }
        break;
    case UI_CH_GAP:
        fprintf(out, "--:--.-  GAP lost=%llu (resynchronising)\n", (unsigned long long)ch->lost);
        break;
    case UI_CH_RESTART:
        fprintf(out, "--:--.-  RESTART rapportd's stream began again (resynchronising)\n");
        break;
    case UI_CH_CALL_NEW:
        fprintf(out, "--:--.-  %s  CALL agent=%s team=%s\n", c->call, c->agent, c->team);
        break;
    case UI_CH_CUE_OPEN:
    case UI_CH_CUE_CLOSE: {
        const proto_cue *q = &m->u.cue;
        put_time(out, q->t_ms);
        fprintf(out, "%s  %s %s %s prio=%u", c->call, ch->kind == UI_CH_CUE_OPEN ? "OPEN" : "CLOSE",
                proto_cue_name(q->cue), who_name(q->party), q->priority);
        if (q->present & PROTO_CUE_QUOTE) {
            fprintf(out, " \"%.*s\"", (int)q->quote.len, q->quote.ptr);
        }
        fputc('\n', out);
        break;
    }
    case UI_CH_PROMPT: {
        const proto_prompt *p = &m->u.prompt;
        put_time(out, p->t_ms);
        fprintf(out, "%s  PROMPT %.*s", c->call, (int)p->text.len, p->text.ptr);
        for (uint32_t i = 0; i < p->n_checklist; i++) {
            fprintf(out, " [ ] %.*s", (int)p->checklist[i].len, p->checklist[i].ptr);
        }
        fputc('\n', out);
        break;
    }
    case UI_CH_ESCALATION: {
        const proto_escalation *e = &m->u.escalation;
        put_time(out, e->t_ms);
        fprintf(out, "%s  ESCALATE %s %s alert=%u", c->call, proto_level_name(e->level),
                proto_reason_name(e->reason), e->id);
        if (e->present & PROTO_ESC_QUOTE) {
            fprintf(out, " \"%.*s\"", (int)e->quote.len, e->quote.ptr);
        }
        fputc('\n', out);
        break;
    }
    case UI_CH_ACK:
        fprintf(out, "--:--.-  %.*s  ACK alert=%u by=%.*s\n", (int)m->u.ack.call.len,
                m->u.ack.call.ptr, m->u.ack.alert_id, (int)m->u.ack.by.len, m->u.ack.by.ptr);
        break;
    case UI_CH_CONSENT:
        put_time(out, m->u.features.t_ms);
        fprintf(out, "%s  CONSENT emotion analysis %s\n", c->call,
                ui_consent_words(c->has_consent, &c->consent));
        break;
    case UI_CH_SUMMARY: {
        const proto_summary *s = &m->u.summary;
        put_time(out, s->t_ms);
        fprintf(out, "%s  END duration=%.1fs agent_share=%.0f%% cues=%u escalations=%u\n", c->call,
                s->t_ms / 1000.0, 100.0 * (double)s->talk_ratio, s->n_cues, s->n_escalations);
        break;
    }
    default:
        return;
    }
    fflush(out);
}

void ui_plain_event(void *out_file, const ui_change *change, const proto_msg *m)
{
    print_event(out_file, NULL, change, m);
}

void ui_plain_call_event(void *filter, const ui_change *change, const proto_msg *m)
{
    const ui_plain_filter *f = filter;
    print_event(f->out, f->call, change, m);
}
