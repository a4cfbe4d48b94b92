// Sparring's warm whisper.cpp worker, built from whisper-node's whisper.cpp source tree next to
// `main` and `server` (scripts/build-whisper.mjs).
//
// Why not `main`: it loads the model on every call. Why not `server`: it cannot shorten the audio
// context, and speaks multipart HTTP. This program loads the model once, then reads one JSON
// request per line on stdin and writes one JSON line per request on stdout:
//
//   {"id": 1, "wav": "/abs/16k-mono.wav", "audio_ctx": 0, "beam_size": 5, "prompt": "", "no_fallback": false,
//    "threads": 2}
//   {"id": 1, "transcription": [{"offsets": {"from": ms, "to": ms}, "text": " word"}], "ms": 812,
//    "timings": {"mel_ms": 4, "encode_ms": 120, "decode_ms": 40, "prompt_ms": 50, "sample_ms": 8}}
//   {"id": 1, "error": "..."}
//
// "threads" (optional, at most -t) lets the caller use fewer threads when other programs keep a
// core busy: ggml's threads wait for each other by spinning, so one thread that shares a busy
// core slows every step down several times. The timings are whisper.cpp's own for that request.
//
// Segments are words (max_len 1, split on word), like `main -ml 1 -sow -oj`, so the same parser
// reads both. "audio_ctx" > 0 encodes only that many audio frames (50 per second) instead of a
// whole 30 s window: much faster for a short segment.
#include "common.h"
#include "json.hpp"
#include "whisper.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

using json = nlohmann::json;

static void reply(const json & j) {
    // Replace invalid UTF-8 (a word split inside a character) rather than failing the reply.
    const std::string s = j.dump(-1, ' ', false, json::error_handler_t::replace);
    fwrite(s.data(), 1, s.size(), stdout);
    fputc('\n', stdout);
    fflush(stdout);
}

// whisper.cpp 1.5 has no getter for its timings, only whisper_print_timings (to the log): the log
// is captured for that one call and the figures read back from its lines.
static void capture_log(ggml_log_level, const char * text, void * user_data) {
    static_cast<std::string *>(user_data)->append(text);
}

static double timing_ms(const std::string & log, const char * label) {
    const size_t at = log.find(label);
    if (at == std::string::npos) return 0.0;
    const size_t eq = log.find('=', at);
    return eq == std::string::npos ? 0.0 : std::atof(log.c_str() + eq + 1);
}

static json request_timings(whisper_context * ctx) {
    std::string log;
    whisper_log_set(capture_log, &log);
    whisper_print_timings(ctx);
    whisper_log_set(nullptr, nullptr);
    return {
        {"mel_ms", timing_ms(log, "mel time")},
        {"sample_ms", timing_ms(log, "sample time")},
        {"encode_ms", timing_ms(log, "encode time")},
        {"decode_ms", timing_ms(log, "decode time") + timing_ms(log, "batchd time")},
        {"prompt_ms", timing_ms(log, "prompt time")},
    };
}

int main(int argc, char ** argv) {
    std::string model;
    int threads = 2;
    for (int i = 1; i < argc; i++) {
        const std::string a = argv[i];
        if (a == "-m" && i + 1 < argc) model = argv[++i];
        else if (a == "-t" && i + 1 < argc) threads = std::stoi(argv[++i]);
    }
    if (model.empty()) {
        fprintf(stderr, "usage: sparring-whisper-worker -m MODEL [-t THREADS]\n");
        return 2;
    }
    whisper_context_params cparams = whisper_context_default_params();
    whisper_context * ctx = whisper_init_from_file_with_params(model.c_str(), cparams);
    if (ctx == nullptr) {
        reply({{"fatal", "failed to load model " + model}});
        return 3;
    }
    const int n_audio_ctx = whisper_model_n_audio_ctx(ctx);
    {
        // Warm up on half a second of silence (tiny context, one token), so the first answer does
        // not also pay for first-use allocations.
        std::vector<float> silence(WHISPER_SAMPLE_RATE / 2, 0.0f);
        whisper_full_params w = whisper_full_default_params(WHISPER_SAMPLING_GREEDY);
        w.print_realtime = w.print_progress = w.print_timestamps = w.print_special = false;
        w.n_threads = threads;
        w.audio_ctx = 64;
        w.max_tokens = 1;
        w.temperature_inc = 0.0f;
        whisper_full(ctx, w, silence.data(), (int) silence.size());
        whisper_reset_timings(ctx);
    }
    reply({{"ready", true}, {"n_audio_ctx", n_audio_ctx}});

    std::string line;
    while (std::getline(std::cin, line)) {
        if (line.empty()) continue;
        json req;
        try {
            req = json::parse(line);
        } catch (...) {
            reply({{"error", "request is not JSON"}});
            continue;
        }
        const json id = req.value("id", json());
        const std::string wav = req.value("wav", std::string());
        std::vector<float> pcm;
        std::vector<std::vector<float>> stereo;
        if (!::read_wav(wav, pcm, stereo, false)) {
            reply({{"id", id}, {"error", "failed to read WAV file " + wav}});
            continue;
        }
        const auto started = std::chrono::steady_clock::now();
        const int beam = req.value("beam_size", 5);
        // Exactly as whisper.cpp's `main` builds its parameters (greedy defaults, then the beam),
        // so the temperature fallback samples with the same number of candidates.
        whisper_full_params p = whisper_full_default_params(WHISPER_SAMPLING_GREEDY);
        p.strategy = beam > 1 ? WHISPER_SAMPLING_BEAM_SEARCH : WHISPER_SAMPLING_GREEDY;
        p.beam_search.beam_size = beam;
        p.print_realtime = false;
        p.print_progress = false;
        p.print_timestamps = false;
        p.print_special = false;
        p.language = "en";
        const int asked = req.value("threads", threads);
        p.n_threads = asked >= 1 && asked <= threads ? asked : threads;
        p.token_timestamps = true;
        p.max_len = 1;
        p.split_on_word = true;
        const int audio_ctx = req.value("audio_ctx", 0);
        p.audio_ctx = audio_ctx > 0 && audio_ctx < n_audio_ctx ? audio_ctx : 0;
        // One decoding pass, no temperature fallback: bounds the time of a live segment (a
        // fallback can multiply it by 25 with 5 candidates at 5 temperatures).
        if (req.value("no_fallback", false)) p.temperature_inc = 0.0f;
        const std::string prompt = req.value("prompt", std::string());
        p.initial_prompt = prompt.empty() ? nullptr : prompt.c_str();
        if (whisper_full(ctx, p, pcm.data(), (int) pcm.size()) != 0) {
            reply({{"id", id}, {"error", "whisper_full failed"}});
            continue;
        }
        json segments = json::array();
        const int n = whisper_full_n_segments(ctx);
        for (int i = 0; i < n; i++) {
            segments.push_back({
                {"offsets", {{"from", whisper_full_get_segment_t0(ctx, i) * 10}, {"to", whisper_full_get_segment_t1(ctx, i) * 10}}},
                {"text", whisper_full_get_segment_text(ctx, i)},
            });
        }
        if (req.value("timings", false)) whisper_print_timings(ctx);
        const json timings = request_timings(ctx);
        whisper_reset_timings(ctx);
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
        reply({{"id", id}, {"transcription", segments}, {"ms", ms}, {"timings", timings}, {"threads", p.n_threads}});
    }
    whisper_free(ctx);
    return 0;
}
