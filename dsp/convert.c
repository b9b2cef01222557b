/* dsp/convert.c - PCM16, float and G.711 decoding to float samples. */
#include "dsp/convert.h"

#include <math.h>
#include <string.h>

#define PCM_SCALE  (1.0f / 32768.0f)
#define MULAW_BIAS 0x84 /* G.711: 33 << 2 */

void dsp_pcm16_to_f32(float *out, const int16_t *in, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        out[i] = (float)in[i] * PCM_SCALE;
    }
}

void dsp_pcm16le_to_f32(float *out, const uint8_t *in, size_t n)
{
    for (size_t i = 0; i < n; i++) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        int16_t s;
        memcpy(&s, in + 2u * i, sizeof s);
#else
        int16_t s = (int16_t)(uint16_t)(in[2u * i] | (uint16_t)(in[2u * i + 1u] << 8));
#endif
        out[i] = (float)s * PCM_SCALE;
    }
}

void dsp_f32le_to_f32(float *out, const uint8_t *in, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint32_t bits;
        memcpy(&bits, in + 4u * i, sizeof bits);
#if !(defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__)
        bits = (bits >> 24) | ((bits >> 8) & 0xff00u) | ((bits << 8) & 0xff0000u) | (bits << 24);
#endif
        float x;
        memcpy(&x, &bits, sizeof x);
        x = x - x == 0.0f ? x : 0.0f; /* x - x is NaN for NaN and +-inf */
        x = x > 1.0f ? 1.0f : x;
        out[i] = x < -1.0f ? -1.0f : x;
    }
}

size_t dsp_f32_sanitise(float *out, const float *in, size_t n, float clip)
{
    size_t changed = 0;
    for (size_t i = 0; i < n; i++) {
        float x = in[i];
        if (!isfinite(x)) {
            x = 0.0f;
            changed++;
        } else if (x > clip) {
            x = clip;
            changed++;
        } else if (x < -clip) {
            x = -clip;
            changed++;
        }
        out[i] = x;
    }
    return changed;
}

int16_t dsp_mulaw_decode(uint8_t code)
{
    unsigned u = (unsigned)(~code) & 0xFFu;
    unsigned exponent = (u >> 4) & 7u;
    unsigned mantissa = u & 0x0Fu;
    int magnitude = (int)((((mantissa << 3) + MULAW_BIAS) << exponent) - MULAW_BIAS);
    return (int16_t)((u & 0x80u) ? -magnitude : magnitude);
}

int16_t dsp_alaw_decode(uint8_t code)
{
    unsigned a = (unsigned)code ^ 0x55u;
    unsigned exponent = (a >> 4) & 7u;
    unsigned mantissa = a & 0x0Fu;
    int magnitude = (int)(mantissa << 4);
    if (exponent == 0) {
        magnitude += 8;
    } else {
        magnitude = (magnitude + 0x108) << (exponent - 1u);
    }
    /* In A-law a set sign bit means positive. */
    return (int16_t)((a & 0x80u) ? magnitude : -magnitude);
}

void dsp_mulaw_to_f32(float *out, const uint8_t *in, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        out[i] = (float)dsp_mulaw_decode(in[i]) * PCM_SCALE;
    }
}

void dsp_alaw_to_f32(float *out, const uint8_t *in, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        out[i] = (float)dsp_alaw_decode(in[i]) * PCM_SCALE;
    }
}
