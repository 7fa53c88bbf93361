using LogReg.Cli;

using var interrupted = InterruptedWrites.Install();
return CommandLine.Run(args, Console.Out, Console.Error);
