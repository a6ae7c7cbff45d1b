namespace Ravine.Problems;

/// <summary>
/// Every problem by command-line name: descriptors only (name, summary, seeded generator, instance format, source).
/// Adding a problem is its file and one line below; it needs no published settings.
/// </summary>
public static class ProblemRegistry
{
    /// <summary>The seed a problem is generated from when none is given: 3407, the seed of the GDPolyak paper's notebook.</summary>
    public const ulong DefaultSeed = 3407;

    // Before All: static fields are initialized in the order they are written.
    private static readonly KeyValuePair<string, int>[] TeacherStudentSizes =
        [new("d", TeacherStudent.DefaultInputDimension), new("students", TeacherStudent.DefaultStudents), new("teachers", TeacherStudent.DefaultTeachers)];

    private static readonly KeyValuePair<string, int>[] LowRankSizes =
        [new("d", QuadraticSensing.PublishedDimension), new("r", QuadraticSensing.PublishedRank), new("k", QuadraticSensing.PublishedWidth)];

    /// <summary>Every problem, in the order help texts list them.</summary>
    public static IReadOnlyList<ProblemDescriptor> All { get; } =
    [
        new("quartic-rosenbrock", "x⁴ + 10(y − x²)², the paper's two-dimensional ravine", seed => QuarticRosenbrock.Generate(seed), new QuarticRosenbrockInstance()) { Source = Paper },
        // Sized sensing instances are the block-seeded family's, the instance `ravine generate` writes at those sizes
        // (so files and memory agree); only the unsized problem is the published instance.
        new("quadratic-sensing", "over-parameterized quadratic sensing (d = 100, r = 2, k = 4, m = 1,000); sized: the block-seeded instance", seed => QuadraticSensing.Generate(seed), new QuadraticSensingInstance()) { Source = Paper,
            Sizes = [.. LowRankSizes, new("m", QuadraticSensing.PublishedMeasurements)],
            GenerateSized = (seed, size) => new BlockSeededSensing(seed, LowRankDimension(size), size["r"], size["k"]).Instance(InMemoryMeasurements(size), threads: Environment.ProcessorCount) },
        // Sized factorization instances draw from the published generator: the published sizes give the published instance.
        new("matrix-factorization", "over-parameterized matrix factorization ¼‖XXᵀ − M♮‖² (d = 100, r = 2, k = 4)", seed => MatrixFactorization.Generate(seed), new MatrixFactorizationInstance()) { Source = Paper,
            Sizes = LowRankSizes, GenerateSized = (seed, size) => MatrixFactorization.Generate(seed, LowRankDimension(size), size["r"], size["k"]) },
        new("single-neuron", "one ReLU neuron learned by two (d = 100), population loss in closed form", seed => SingleNeuron.Generate(seed), new SingleNeuronInstance()) { Source = Paper },
        // Beyond the paper: the single neuron generalized to n students and k teachers, in expectation and on samples.
        new("teacher-student", "4 ReLU students learning 2 unit teachers (d = 50), population loss in closed form", seed => TeacherStudent.Generate(seed)) { Source = TeacherStudentSource, Sizes = TeacherStudentSizes,
            GenerateSized = (seed, size) => TeacherStudent.Generate(seed, size["d"], size["students"], size["teachers"]) },
        new("teacher-student-sampled", "4 ReLU students learning 2 unit teachers (d = 50) on 1,000 Gaussian samples", seed => TeacherStudentSampled.Generate(seed)) { Source = TeacherStudentSource, Sizes = [.. TeacherStudentSizes, new("samples", TeacherStudentSampled.DefaultSamples)],
            GenerateSized = (seed, size) => TeacherStudentSampled.Generate(seed, size["d"], size["students"], size["teachers"], size["samples"]) },
        new("fashion-mnist", "a tanh network 784–64–10 interpolating 1,000 Fashion-MNIST images (squared loss; Debian's dataset-fashion-mnist)", seed => FashionMnist.Generate(seed)) { Source = "Xiao, Rasul, Vollgraf, \"Fashion-MNIST\", arXiv 1708.07747", NeedsExternalData = true },
        // The external test set, from the ravines closest to the theory to the stress tests; the standard start, whatever the seed.
        new("singular-rosenbrock", "extended Rosenbrock made singular (Schnabel–Frank), n = 10: quartic along one direction", _ => new SingularRosenbrock()) { Source = MghSingular(21) },
        new("singular-wood", "Wood made singular (Schnabel–Frank), n = 4: quartic along one direction", _ => new SingularWood()) { Source = MghSingular(14) },
        new("singular-trigonometric", "trigonometric made singular (Schnabel–Frank), n = 10: quartic along one direction", _ => new SingularTrigonometric()) { Source = MghSingular(26) },
        new("nondquar", "NONDQUAR, n = 100: a quartic floor of dimension n − 2", _ => new NonDiagonalQuartic()) { Source = "CUTEst NONDQUAR (Conn, Gould, Lescrenier, Toint 1988, problem 57)" },
        new("cragg-levy", "Cragg–Levy, n = 4: quartic and sixth-order growth, beyond the theory", _ => new CraggLevy()) { Source = "CUTEst CRAGGLVY with M = 1 (Toint 1983, problem 32)" },
        new("box3", "Box three-dimensional: a line of minimizers, quadratic across it", _ => new Box3()) { Source = "Moré, Garbow, Hillstrom 1981, problem 12" },
        new("extended-powell", "extended Powell singular, n = 20: quartic in a subspace of dimension n/2", _ => new ExtendedPowellSingular()) { Source = "Moré, Garbow, Hillstrom 1981, problem 22" },
        new("quartc", "QUARTC, n = 10: zero Hessian at the minimizer, quartic in every direction", _ => new Quartc()) { Source = "CUTEst QUARTC (Buckley 1989, problem 157)" },
        new("hadamard-least-squares", "sparse least squares over w = u⊙u − v⊙v (d = 20, m = 40, k = 3): quartic off the support", seed => HadamardLeastSquares.Generate(seed)) { Source = "Vaškevičius, Kanade, Rebeschini, \"Implicit regularization for optimal sparse recovery\", NeurIPS 2019" },
        new("deep-linear-chain", "½(w₁w₂w₃w₄ − 1)², a deep linear network of scalars: a valley of minimizers, Hessian rank 1", _ => new DeepLinearChain()) { Source = "Arora, Cohen, Hazan, \"On the optimization of deep networks: implicit acceleration by overparameterization\", ICML 2018" },
        new("extended-rosenbrock", "extended Rosenbrock, n = 10: nonsingular Hessian (a control)", _ => new ExtendedRosenbrock()) { Source = "Moré, Garbow, Hillstrom 1981, problem 21", Degenerate = false },
        new("beale", "Beale, n = 2: nonsingular Hessian (a control)", _ => new Beale()) { Source = "Moré, Garbow, Hillstrom 1981, problem 5", Degenerate = false },
    ];

    private const string Paper = "Davis, Drusvyatskiy, Jiang, \"Gradient descent with adaptive stepsize converges (nearly) linearly under fourth-order growth\", arXiv 2409.19791";

    private const string TeacherStudentSource = "Safran, Shamir, \"Spurious local minima are common in two-layer ReLU neural networks\", ICML 2018 (the loss); the single neuron of Davis, Drusvyatskiy, Jiang generalized";

    private static string MghSingular(int number) => $"Moré, Garbow, Hillstrom 1981, problem {number}, made singular as in Schnabel and Frank 1984";

    /// <summary>
    /// The dimension d of low-rank sizes (keys d, r, k, as <see cref="ProblemDescriptor.ParseSizes"/> gives them), after
    /// checking r ≤ k in the keys' own names (the generators would name their parameters instead).
    /// </summary>
    /// <exception cref="ArgumentException">r exceeds k (<see cref="ArgumentException.ParamName"/> is <c>size</c>).</exception>
    public static int LowRankDimension(IReadOnlyDictionary<string, int> size) => size["r"] <= size["k"]
        ? size["d"]
        : throw new ArgumentException($"r = {size["r"]} exceeds k = {size["k"]}: the factor must be at least as wide as the rank.", "size");

    // A and B are generated in memory, 8·m·d bytes each: beyond 2 GiB each the instance belongs in files, which are streamed.
    private static int InMemoryMeasurements(IReadOnlyDictionary<string, int> size) => (long)size["m"] * size["d"] <= 1L << 28
        ? size["m"]
        : throw new InstanceTooLargeException($"m·d = {(long)size["m"] * size["d"]:N0} entries per matrix is too large to generate in memory (at most 268,435,456: 2 GiB each for A and B)", size);

    /// <summary>Every problem's name.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(p => p.Name).ToArray();

    /// <summary>The named problem (names are matched ignoring case).</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones and <see cref="ArgumentException.ParamName"/> is <c>problem</c>.</exception>
    public static ProblemDescriptor Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(p => string.Equals(p.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown problem '{name}'. Known problems: {string.Join(", ", Names)}.", "problem");
    }

    /// <summary>The named problem's instance of a seed.</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static ITestProblem Generate(string name, ulong seed = DefaultSeed) => Find(name).Generate(seed);
}
