import RCPCore

// Entry point; replaced by the argument-parsing root command.
print("rcpx")
