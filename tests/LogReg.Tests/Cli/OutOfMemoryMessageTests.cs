using System.Reflection;
using LogReg.Cli;
using Xunit;

namespace LogReg.Tests.Cli;

/// <summary>Running out of memory is told as such in one line, also when ML.NET's reflection or a task wrapped it.</summary>
public sealed class OutOfMemoryMessageTests
{
    // The runtime's own exceptions, made here only to see how they are reported.
#pragma warning disable CA2201
    [Fact]
    public void TheOutOfMemoryErrorIsFoundThroughReflectionsAndTasksWrappers()
    {
        var oom = new OutOfMemoryException();
        Assert.Same(oom, CommandLine.OutOfMemoryIn(oom));
        Assert.Same(oom, CommandLine.OutOfMemoryIn(new TargetInvocationException(oom)));
        Assert.Same(oom, CommandLine.OutOfMemoryIn(new AggregateException(new InvalidOperationException("other"), new TargetInvocationException(oom))));
        Assert.Null(CommandLine.OutOfMemoryIn(new TargetInvocationException(new NullReferenceException())));
    }
#pragma warning restore CA2201
}
