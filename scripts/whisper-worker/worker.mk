# Included after whisper.cpp's own Makefile (make -f Makefile -f worker.mk ...), so the worker is
# compiled with exactly the flags and objects `main` and `server` use.
sparring-whisper-worker: $(WORKER_SRC) $(SRC_COMMON) $(WHISPER_OBJ)
	$(CXX) $(CXXFLAGS) -I./examples/server $(WORKER_SRC) $(SRC_COMMON) $(WHISPER_OBJ) -o sparring-whisper-worker $(LDFLAGS)
