/* cli/render.c - one published message as a line (or a few) of a human timeline. */
#include <stdio.h>

#include "cli/cli.h"
#include "proto/proto.h"

static void put_time(FILE *out, uint32_t ms)
{
    fprintf(out, "%02u:%02u.%01u  ", ms / 60000, (ms / 1000) % 60, (ms % 1000) / 100);
}

static void print_kvs(FILE *out, const proto_kv *kv, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        fprintf(out, " %.*s=%.3g", (int)kv[i].name.len, kv[i].name.ptr, kv[i].value);
    }
}

void cli_print_event(const proto_msg *m, FILE *out)
{
    switch (m->type) {
    case PROTO_T_CUE: {
        const proto_cue *c = &m->u.cue;
        static const char *const who[] = {"agent", "customer", "both"};
        put_time(out, c->t_ms);
        fprintf(out, "%-6s %-20s %-8s", c->state == PROTO_OPEN ? "OPEN" : "CLOSE",
                proto_cue_name(c->cue), who[c->party]);
        print_kvs(out, c->evidence, c->n_evidence);
        if (c->present & PROTO_CUE_QUOTE) {
            fprintf(out, "  \"%.*s\"", (int)c->quote.len, c->quote.ptr);
        }
        fprintf(out, "\n");
        break;
    }
    case PROTO_T_PROMPT:
        put_time(out, m->u.prompt.t_ms);
        fprintf(out, "PROMPT %.*s\n", (int)m->u.prompt.text.len, m->u.prompt.text.ptr);
        for (uint32_t i = 0; i < m->u.prompt.n_checklist; i++) {
            fprintf(out, "                [ ] %.*s\n", (int)m->u.prompt.checklist[i].len,
                    m->u.prompt.checklist[i].ptr);
        }
        break;
    case PROTO_T_ESCALATION: {
        const proto_escalation *e = &m->u.escalation;
        put_time(out, e->t_ms);
        fprintf(out, "ESCALATE %s: %s", proto_level_name(e->level), proto_reason_name(e->reason));
        if (e->present & PROTO_ESC_QUOTE) {
            fprintf(out, "  \"%.*s\"", (int)e->quote.len, e->quote.ptr);
        }
        fprintf(out, "\n");
        break;
    }
    case PROTO_T_FEATURES: {
        const proto_features *f = &m->u.features;
        put_time(out, f->t_ms);
        fprintf(out, "features agent talk %.2f rate %.1f | customer talk %.2f | dead air %u ms\n",
                (double)f->agent.b.talk_ratio, (double)f->agent.b.artic_sps,
                (double)f->customer.b.talk_ratio, f->dead_air_ms);
        break;
    }
    case PROTO_T_SUMMARY: {
        const proto_summary *s = &m->u.summary;
        put_time(out, s->t_ms);
        fprintf(out, "SUMMARY\n");
        fprintf(out, "  duration %.1f s; agent talk %.1f s, customer %.1f s (agent share %.0f%%)\n",
                s->t_ms / 1000.0, s->agent_talk_ms / 1000.0, s->customer_talk_ms / 1000.0,
                100.0 * (double)s->talk_ratio);
        fprintf(out,
                "  agent response latency p50 %u ms, p90 %u ms; dead air %.1f s; "
                "longest agent turn %.1f s\n",
                s->latency_p50_ms, s->latency_p90_ms, s->dead_air_ms / 1000.0,
                s->longest_monologue_ms / 1000.0);
        fprintf(out,
                "  interruptions: agent %u, customer %u; backchannels %u; agent rate %.1f syll/s\n",
                s->interruptions_agent, s->interruptions_customer, s->backchannels,
                (double)s->agent_rate_sps);
        if (s->present & PROTO_SUM_SENTIMENT_END) {
            fprintf(out, "  customer sentiment %.2f -> %.2f (trend %.2f/min)\n",
                    (double)s->sentiment_start, (double)s->sentiment_end,
                    (double)s->sentiment_trend);
        }
        if (s->present & PROTO_SUM_EMPATHY) {
            fprintf(out, "  empathy %.2f:", (double)s->empathy);
            print_kvs(out, s->metrics, s->n_metrics);
            fprintf(out, "\n");
        }
        fprintf(out, "  cues %u, escalations %u\n", s->n_cues, s->n_escalations);
        break;
    }
    default:
        break;
    }
}
