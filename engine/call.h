/* engine/call.h - one live call or chat: from frames and messages to features,
 * cues, prompts, escalations and a summary.
 *
 * An eng_call owns its channels' dsp state, the capture-time alignment, the
 * turn-taking tracker, fusion state and the cue machines, and copies its rules at
 * creation (a playbook reload never changes a call in progress). Everything it
 * concludes leaves through the caller's sink as proto messages (seq is left 0:
 * the publisher numbers its stream). Memory: eng_call_size() bytes, allocated at
 * create, plus each channel's dsp state, allocated when the channel's first frame
 * shows its sample rate; after that, audio, text and ticks allocate nothing and do
 * bounded work. One thread at a time per call (the engine's shard owns it).
 *
 * Privacy: the agent's channel yields behavioural measures only (the proto types
 * have no field for anything else); customer voice arousal is computed only while
 * consent.voice_emotion holds, and customer text emotions are published only
 * while consent.text_emotion holds. Text is analysed only when final, and only its
 * redacted form ever leaves the call (quotes).
 */
#ifndef ENGINE_CALL_H
#define ENGINE_CALL_H

#include <stddef.h>
#include <stdint.h>

#include "common/status.h"
#include "dsp/features.h"
#include "engine/playbook.h"
#include "nlp/analyzer.h"
#include "proto/proto.h"

/* Receives each outbound message, already carrying the call's next seq (1, 2, 3,
 * ...); msg and everything it points to are valid only during the call. Must not
 * call back into the eng_call. */
typedef struct eng_sink {
    void (*emit)(void *arg, const proto_msg *msg);
    void *arg;
} eng_sink;

/* Why an inbound message was refused (counted by the engine per reason). */
typedef enum eng_reject {
    ENG_OK = 0,
    ENG_REJ_LATE,      /* audio before the channel's next expected sample */
    ENG_REJ_DUPLICATE, /* audio frame repeated */
    ENG_REJ_TOO_FAR,   /* audio timestamp far beyond the call's progress */
    ENG_REJ_RATE,      /* audio at a rate other than the channel's first */
    ENG_REJ_PARTIAL,   /* partial transcript: waits for its final form */
    ENG_REJ_ENDED,     /* the call has ended */
    ENG_REJ_NOMEM,     /* a channel's dsp state could not be allocated */
    ENG_REJ_COUNT
} eng_reject;

/* "late", "duplicate", ... for stats counters. */
const char *eng_reject_name(eng_reject r);

typedef struct eng_call eng_call;

/* Bytes of the call object itself (without the channels' dsp state). */
size_t eng_call_size(void);

/* Starts a call from its call_start (copied: the message may be freed after) with
 * rules (copied). RP_EINVAL, RP_ENOMEM; *out NULL on failure. */
RP_NODISCARD int eng_call_create(const proto_call_start *start, const eng_rules *rules,
                                 eng_call **out);

void eng_call_destroy(eng_call **self_p);

/* The dsp settings of a channel at rate_hz (8000 or 16000). */
dsp_features_config eng_call_dsp_config(uint32_t rate_hz);

/* Lends the call a dsp workspace (dsp/features.h) made from eng_call_dsp_config()
 * for its channels to share with every other call of the thread that owns ws, so
 * each channel keeps only its own state. Call before the first audio; ws must
 * outlive the call, and the call is then used only on ws's thread. Without it,
 * each channel owns a workspace. */
void eng_call_set_workspace(eng_call *c, dsp_workspace *ws);

/* Starts the agent's pace baseline from what earlier calls of the same agent
 * showed (articulation rate, syllables/s), so pace is judged against the agent's
 * usual pattern from the first seconds instead of after baseline_warmup_ms. Call
 * before the first frame; values outside 1..15 are ignored. */
void eng_call_set_agent_baseline(eng_call *c, float artic_sps);

/* The agent's articulation-rate baseline this call has learnt, for the next call
 * of the same agent. False when the agent spoke too little to tell. */
bool eng_call_agent_baseline(const eng_call *c, float *artic_sps);

/* One audio frame. scratch must hold PROTO_MAX_SAMPLES floats (per worker). */
eng_reject eng_call_audio(eng_call *c, const proto_audio *a, float *scratch, const eng_sink *sink);

/* One text message, analysed with an (per worker) nlp analyser. */
eng_reject eng_call_text(eng_call *c, const proto_text *t, nlp_analyzer *an, const eng_sink *sink);

/* A digital frustration signal. */
void eng_call_signal(eng_call *c, const proto_signal *s, const eng_sink *sink);

/* A consent change; takes effect for everything computed from now on. */
void eng_call_consent(eng_call *c, const proto_consent *m, const eng_sink *sink);

/* Lets time pass for a chat session (voice calls advance with their audio): call
 * time moves on from the last message by the engine's monotonic clock mono_ns,
 * so a customer left waiting opens slow_response and features keep flowing.
 * The worker calls it about every 100 ms. No-op for voice calls. */
void eng_call_tick(eng_call *c, uint64_t mono_ns, const eng_sink *sink);

/* A declared hold starts/ends (dead air is not counted on hold). */
void eng_call_hold(eng_call *c, bool on_hold);

/* Ends the call: flushes the channels, closes open cues, emits the summary. */
void eng_call_end(eng_call *c, int64_t ts_us, const eng_sink *sink);

/* Call time now, ms since call_start (capture-time based). */
uint32_t eng_call_now_ms(const eng_call *c);

/* The call's ids as given in its call_start (NUL-terminated, owned by the call). */
const char *eng_call_id(const eng_call *c);
const char *eng_call_team(const eng_call *c);
const char *eng_call_agent(const eng_call *c);

/* True once eng_call_end() has run. */
bool eng_call_ended(const eng_call *c);

/* Fills a snapshot row (borrowing from the call; open cues go to cues[0..max)). */
void eng_call_state(const eng_call *c, proto_call_state *out, proto_open_cue *cues,
                    uint32_t max_cues);

#endif /* ENGINE_CALL_H */
