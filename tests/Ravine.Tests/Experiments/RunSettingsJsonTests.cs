using Ravine.Cli.Experiments;
using Ravine.Tests.IO;

namespace Ravine.Tests.Experiments;

public class RunSettingsJsonTests
{
    private static FormatException Rejects(string json) => Assert.Throws<FormatException>(() => RunSettingsJson.Parse(json, "run.json"));

    [Fact]
    public void Every_key_sets_its_setting()
    {
        var settings = RunSettingsJson.Parse("""
            { "problem": "quartic-rosenbrock", "data": "/d", "x0": "/x0.npy", "method": "gd", "eta": 0.01,
              "max-iters": 77, "fstar": -1.5, "seed": 18446744073709551615, "out": "/o" }
            """, "run.json");
        Assert.Equal(new RunSettings
        {
            Problem = "quartic-rosenbrock", Data = "/d", X0 = "/x0.npy", Method = "gd", MethodOptions = Options.Of("eta", "0.01"),
            MaxIterations = 77, OptimalValue = -1.5, Seed = ulong.MaxValue, Output = "/o",
        }, settings);
    }

    [Fact]
    public void Only_the_problem_is_required_and_the_rest_defaults()
    {
        var settings = RunSettingsJson.Parse("""{ "problem": "quartic-rosenbrock" }""", "run.json");
        Assert.Equal(new RunSettings { Problem = "quartic-rosenbrock" }, settings);
        Assert.Equal("gdpolyak", settings.Method);
        Assert.Equal(3407UL, settings.Seed);
    }

    [Fact]
    public void The_documented_keys_are_exactly_the_parsed_ones()
    {
        Assert.Equal(["problem", "size", "data", "x0", "start-perturbation", "method", "max-iters", "fstar", "seed", "validation-every", "patience", "threads", "shards", "cluster", "membership", "out", "gap-tolerance", "gradient-tolerance", "time-limit"], RunSettingsJson.Keys);
    }

    /// <summary>A file with every key, as configs and summaries have been written: it reads, and writes back byte for byte.</summary>
    [Fact]
    public void A_file_with_every_key_reads_and_is_written_back_unchanged()
    {
        const string written = """{"problem":"quadratic-sensing","size":"d=20,m=400","data":"/d","x0":"/x0.npy","start-perturbation":7,"method":"gdpolyak","eta":0.5,"K":7,"safeguard":"on","max-iters":77,"fstar":-1.5,"seed":18446744073709551615,"validation-every":5,"patience":3,"threads":2,"shards":4,"cluster":"h:1","membership":"redis://h:2","out":"/o","gap-tolerance":1E-09,"gradient-tolerance":0.25,"time-limit":900}""";
        var settings = RunSettingsJson.Parse(written, "summary.json");
        Assert.Equal(new RunSettings
        {
            Problem = "quadratic-sensing", Size = "d=20,m=400", Data = "/d", X0 = "/x0.npy", StartPerturbation = 7, Method = "gdpolyak",
            MethodOptions = Options.Of("eta", "0.5", "K", "7", "safeguard", "on"), MaxIterations = 77, OptimalValue = -1.5, Seed = ulong.MaxValue,
            ValidationInterval = 5, Patience = 3, Threads = 2, Shards = 4, Cluster = "h:1", Membership = "redis://h:2", Output = "/o", GapTolerance = 1e-9, GradientTolerance = 0.25, TimeLimit = 900,
        }, settings);
        var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer)) RunSettingsJson.Write(writer, settings);
        Assert.Equal(written, System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>A new run setting needs its entry in the options table: else no config file or summary could hold it.</summary>
    [Fact]
    public void Every_run_setting_has_a_config_key()
    {
        var every = RunSettingsJson.Keys.Where(k => k != "fstar").Select(k => $"\"{k}\": {k switch { "method" => "\"gd\"", "problem" or "size" or "data" or "x0" or "cluster" or "membership" or "out" => "\"v\"", _ => "1" }}");
        var unknown = RunSettingsJson.Parse($$"""{ {{string.Join(", ", every)}}, "fstar": "unknown", "eta": 1 }""", "run.json");
        var known = unknown with { OptimalValue = 2 };
        var defaults = new RunSettings { Problem = "p" };
        foreach (var property in typeof(RunSettings).GetProperties().Where(p => p.CanWrite))
            Assert.True(!Equals(property.GetValue(unknown), property.GetValue(defaults)) || !Equals(property.GetValue(known), property.GetValue(defaults)),
                $"RunSettings.{property.Name} is set by no key of a config file: declare it in RunOptions.");
    }

    [Fact]
    public void An_unknown_fstar_is_written_and_read_as_the_word()
    {
        var settings = RunSettingsJson.Parse("""{ "problem": "p", "fstar": "unknown" }""", "run.json");
        Assert.True(settings.OptimalValueUnknown);
        Assert.Null(settings.OptimalValue);
        var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer)) RunSettingsJson.Write(writer, settings);
        Assert.Equal("""{"problem":"p","method":"gdpolyak-adaptive","fstar":"unknown","seed":3407}""", System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    [Fact]
    public void Settings_are_equal_whatever_the_order_of_their_method_options()
    {
        var a = new RunSettings { Problem = "p", MethodOptions = Options.Of("eta", "0.5", "K", "7") };
        var b = new RunSettings { Problem = "p", MethodOptions = Options.Of("K", "7", "eta", "0.5") };
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { MethodOptions = Options.Of("K", "7", "eta", "0.25") });
        Assert.NotEqual(a, a with { Patience = 1 });
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed()
    {
        var settings = RunSettingsJson.Parse("""
            // the sensing run
            { "problem": "quartic-rosenbrock", /* short */ "K": 5, }
            """, "run.json");
        Assert.Equal("5", settings.MethodOptions["K"]);
    }

    [Fact]
    public void An_unknown_key_is_rejected_by_name()
    {
        var e = Rejects("""{ "problem": "quartic-rosenbrock", "stepsize": 0.1 }""");
        Assert.Equal("run.json: unknown key 'stepsize'; known keys: problem, size, data, x0, start-perturbation, method, max-iters, fstar, seed, validation-every, patience, threads, shards, cluster, membership, out, gap-tolerance, gradient-tolerance, time-limit and the options of gdpolyak: eta, K, epochs, fstar-estimate, fstar-rule, restart-epochs, safeguard (case-sensitive)", e.Message);
    }

    [Fact]
    public void Keys_are_case_sensitive()
    {
        Assert.Contains("unknown key 'k'", Rejects("""{ "problem": "quartic-rosenbrock", "k": 3 }""").Message);
    }

    [Fact]
    public void A_repeated_key_is_rejected()
    {
        Assert.Equal("run.json: the key 'eta' appears twice", Rejects("""{ "problem": "p", "eta": 1, "eta": 2 }""").Message);
    }

    [Fact]
    public void A_missing_problem_is_rejected()
    {
        Assert.Equal("run.json: the key 'problem' is required", Rejects("""{ "eta": 1 }""").Message);
    }

    [Theory]
    [InlineData("""{ "problem": 3 }""", "run.json: 'problem' must be a string, found a number")]
    [InlineData("""{ "problem": "p", "eta": "0.1" }""", "run.json: 'eta' must be a number > 0, found a string")]
    [InlineData("""{ "problem": "p", "K": 2.5 }""", "run.json: 'K' must be a whole number ≥ 1, found 2.5")]
    [InlineData("""{ "problem": "p", "method": "adam", "memory": 3 }""", "run.json: unknown key 'memory'; known keys: problem, size, data, x0, start-perturbation, method, max-iters, fstar, seed, validation-every, patience, threads, shards, cluster, membership, out, gap-tolerance, gradient-tolerance, time-limit and the options of adam: lr, beta1, beta2, epsilon (case-sensitive)")]
    [InlineData("""{ "problem": "p", "seed": -1 }""", "run.json: 'seed' must be a whole number in [0, 2^64), found -1")]
    [InlineData("""[1, 2]""", "run.json: expected a JSON object { \"problem\": ..., ... }, found an array")]
    public void A_value_of_the_wrong_type_is_rejected_naming_the_key(string json, string message)
    {
        Assert.Equal(message, Rejects(json).Message);
    }

    [Theory]
    [InlineData("""{ "problem": "p", "eta": -1 }""", "run.json: 'eta' must be a number > 0, found -1")]
    [InlineData("""{ "problem": "p", "K": 0 }""", "run.json: 'K' must be a whole number ≥ 1, found 0")]
    [InlineData("""{ "problem": "p", "epochs": -2 }""", "run.json: 'epochs' must be a whole number ≥ 0, found -2")]
    [InlineData("""{ "problem": "p", "max-iters": -3 }""", "run.json: 'max-iters': max-iters must be ≥ 0. (got -3)")]
    [InlineData("""{ "problem": " " }""", "run.json: 'Problem': problem must name a problem.")]
    public void An_invalid_value_is_rejected_on_one_line_naming_the_key(string json, string message)
    {
        var e = Rejects(json);
        Assert.Equal(message, e.Message);
    }

    [Theory]
    [InlineData("""{ "problem": "p", "method": "adgd", "variant": 2020 }""", "2020")]
    [InlineData("""{ "problem": "p", "method": "adgd", "variant": "2020" }""", "2020")]
    [InlineData("""{ "problem": "p", "method": "gdpolyak-adaptive", "variant": 2024 }""", "2024")]
    public void A_choice_whose_words_are_numbers_is_read_as_a_number_or_a_string(string json, string variant)
    {
        Assert.Equal(variant, RunSettingsJson.Parse(json, "run.json").MethodOptions["variant"]);
    }

    [Theory]
    [InlineData("""{ "problem": "p", "method": "adgd", "variant": 2023 }""", "run.json: 'variant' must be one of 2024, 2020, found a number 2023")]
    [InlineData("""{ "problem": "p", "method": "adgd", "variant": 2024.0 }""", "run.json: 'variant' must be one of 2024, 2020, found a number 2024.0")]
    [InlineData("""{ "problem": "p", "method": "bb", "variant": 1 }""", "run.json: 'variant' must be one of bb1, bb2, found a number 1")]
    public void A_number_that_is_not_one_of_the_choices_is_rejected(string json, string message)
    {
        Assert.Equal(message, Rejects(json).Message);
    }

    public static TheoryData<string> AllMethods => Methods.MethodsUnderTest.Names();

    /// <summary>What a checkpoint stores: every method with every option it has set to its default, as text.</summary>
    [Theory]
    [MemberData(nameof(AllMethods))]
    public void Every_methods_resolved_options_read_back_as_written(string method)
    {
        var settings = new RunSettings
        {
            Problem = "quartic-rosenbrock", Method = method,
            MethodOptions = Ravine.Methods.MethodRegistry.Find(method).Options.ToDictionary(o => o.Key, o => o.Default ?? (o.Kind == Ravine.Methods.OptionKind.Integer ? "10" : "0.01"), StringComparer.Ordinal),
        };
        var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer)) RunSettingsJson.Write(writer, settings);
        Assert.Equal(settings, RunSettingsJson.Parse(System.Text.Encoding.UTF8.GetString(buffer.ToArray()), "checkpoint.json"));
    }

    [Fact]
    public void Invalid_json_is_rejected_on_one_line_naming_the_file()
    {
        var e = Rejects("""{ "problem": """);
        Assert.StartsWith("run.json: not valid JSON: ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Relative_paths_are_relative_to_the_files_folder()
    {
        using var scratch = new ScratchFolder();
        var path = scratch.File("run.json");
        File.WriteAllText(path, """{ "problem": "p", "data": "inst", "out": "/abs/out" }""");
        var settings = RunSettingsJson.Read(path);
        Assert.Equal(Path.Combine(scratch.Root, "inst"), settings.Data);
        Assert.Equal("/abs/out", settings.Output);
    }
}
