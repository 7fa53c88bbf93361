using System.Text.Json.Serialization;

namespace LogReg.Cli;

/// <summary>
/// <see cref="ModelColumns"/>' JSON, generated at compile time (indented, enums as strings: the same text the reflection-based
/// serializer wrote): building it by reflection cost every 'train' and 'cv' ~80 ms of a fresh process, most of it compiling.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ModelColumns))]
internal sealed partial class ModelColumnsJson : JsonSerializerContext;
