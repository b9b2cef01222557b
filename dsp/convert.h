/* dsp/convert.h - input sample formats to float (full scale +-1.0).
 *
 * 16-bit linear PCM, 32-bit float (sanitised) and G.711 mu-law and A-law
 * (ITU-T G.711 decoding, 14/13-bit magnitudes scaled to 16-bit range, then
 * divided by 32768). Pure functions: real-time safe, thread-safe, no
 * allocation; n may be 0; in and out must not overlap.
 */
#ifndef DSP_CONVERT_H
#define DSP_CONVERT_H

#include <stddef.h>
#include <stdint.h>

/* out[i] = in[i] / 32768. */
void dsp_pcm16_to_f32(float *out, const int16_t *in, size_t n);

/* The same from little-endian byte pairs at any alignment (wire format); on a
 * little-endian host this is one load per sample, which the compiler vectorises. */
void dsp_pcm16le_to_f32(float *out, const uint8_t *in, size_t n);

/* out[i] = in[i], with non-finite values replaced by 0 and magnitudes clipped to
 * clip (clip > 0). Returns how many samples were replaced or clipped. */
size_t dsp_f32_sanitise(float *out, const float *in, size_t n, float clip);

/* Little-endian IEEE floats at any alignment (wire format) to float, with
 * non-finite values replaced by 0 and magnitudes clipped to 1; branch-free. */
void dsp_f32le_to_f32(float *out, const uint8_t *in, size_t n);

/* G.711 mu-law bytes to float; 0x80 -> +32124/32768, 0xFF and 0x7F -> 0. */
void dsp_mulaw_to_f32(float *out, const uint8_t *in, size_t n);

/* G.711 A-law bytes to float; 0xAA -> +32256/32768, 0xD5 -> +8/32768. */
void dsp_alaw_to_f32(float *out, const uint8_t *in, size_t n);

/* One G.711 code to 16-bit linear PCM (exposed for tests and tables). */
int16_t dsp_mulaw_decode(uint8_t code);
int16_t dsp_alaw_decode(uint8_t code);

#endif /* DSP_CONVERT_H */
