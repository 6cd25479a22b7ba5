// rcpx-bench: measures start-up, lookups, key-to-frame time, bytes on the wire and memory.
print("rcpx-bench")
